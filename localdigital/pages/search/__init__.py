"""Site search at /search/: one page over several apps' public content (see source.py)."""
