"""Reports over claims and the ledger: terminal, Markdown, HTML, JSON."""
