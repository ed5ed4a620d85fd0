"""Public pages of the fund: about it, its rounds, bids, projects, partners, data."""

from django.urls import path

from funding import partner_finder, views

app_name = "fund"

urlpatterns = [
    path("", views.fund_index, name="index"),
    path("bids/", views.bid_list, name="bids"),
    path("bids.csv", views.bids_csv, name="bids-csv"),
    path("bids.json", views.bids_json, name="bids-json"),
    path("projects/", views.project_list, name="projects"),
    path("projects.csv", views.projects_csv, name="projects-csv"),
    path("projects.json", views.projects_json, name="projects-json"),
    path("projects/<slug:reference>/", views.project_detail, name="project"),
    path("partners/", partner_finder.partner_finder, name="partners"),
    # Last: /fund/<slug>/ would otherwise take the addresses above for rounds.
    path("<slug:slug>/", views.round_detail, name="round"),
]
