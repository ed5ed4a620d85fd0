"""Public pages of the fund: about it, its rounds, bids, projects, partners, data."""

app_name = "fund"

urlpatterns: list = [
    # Filled in by the public pages work. The round page, /fund/<slug>/, must
    # stay last: the other addresses here would otherwise look like rounds.
]
