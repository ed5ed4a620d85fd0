"""Public pages of news, events, programme pages and co-publishers: read-only,
the same for every visitor, each a fixed number of queries whatever the data."""
