"""Public pages of the fund: about it, its rounds, bids, projects, partners, data.

Every one is the same for each visitor, so each is `public_page` (kept whole in the cache)."""

from django.urls import path

from funding import expression_pages, partner_finder, views
from localdigital.core.page_cache import public_page

app_name = "fund"

urlpatterns = [
    path("", public_page(views.fund_index), name="index"),
    path("bids/", public_page(views.bid_list), name="bids"),
    path("bids.csv", public_page(views.bids_csv), name="bids-csv"),
    path("bids.json", public_page(views.bids_json), name="bids-json"),
    path("projects/", public_page(views.project_list), name="projects"),
    path("projects.csv", public_page(views.projects_csv), name="projects-csv"),
    path("projects.json", public_page(views.projects_json), name="projects-json"),
    # The grants in the 360Giving Data Standard (funding/grants.py).
    path("grants.json", public_page(views.grants_json), name="grants-json"),
    path("grants.csv", public_page(views.grants_csv), name="grants-csv"),
    path("projects/<slug:reference>/", public_page(views.project_detail), name="project"),
    path("partners/", public_page(partner_finder.partner_finder), name="partners"),
    path("expressions.csv", public_page(expression_pages.expressions_csv), name="expressions-csv"),
    path(
        "expressions.json", public_page(expression_pages.expressions_json), name="expressions-json"
    ),
    path(
        "<slug:slug>/expressions/",
        public_page(expression_pages.round_expressions),
        name="round-expressions",
    ),
    # Last: /fund/<slug>/ would otherwise take the addresses above for rounds.
    path("<slug:slug>/", public_page(views.round_detail), name="round"),
]
