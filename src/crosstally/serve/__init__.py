"""The web app and JSON API (needs the `server` extra)."""
