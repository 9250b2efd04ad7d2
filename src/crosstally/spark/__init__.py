"""The extractor on Spark (needs the `spark` extra)."""
