"""Public pages about signatories and their commitments, and their open data files.

Every one is the same for each visitor, so each is `public_page` (kept whole in the cache)."""

from django.urls import path

from localdigital.core.page_cache import public_page
from signatories import views
from signatories.feeds import NewSignatoriesFeed

app_name = "signatories"

urlpatterns = [
    path("signatories/", public_page(views.signatory_list), name="list"),
    path("signatories/<slug:slug>/", public_page(views.signatory_detail), name="detail"),
    path("signatories.csv", public_page(views.signatories_csv), name="signatories-csv"),
    path("signatories.json", public_page(views.signatories_json), name="signatories-json"),
    path("signatories.atom", public_page(NewSignatoriesFeed()), name="feed"),
    path("declaration-projects/", public_page(views.project_list), name="projects"),
    path("declaration-projects.csv", public_page(views.projects_csv), name="projects-csv"),
    path("declaration-projects.json", public_page(views.projects_json), name="projects-json"),
    path("coverage/", public_page(views.coverage_page), name="coverage"),
]
