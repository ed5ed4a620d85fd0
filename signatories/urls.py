"""Public pages about signatories and their commitments, and their open data files."""

from django.urls import path

from signatories import views
from signatories.feeds import NewSignatoriesFeed

app_name = "signatories"

urlpatterns = [
    path("signatories/", views.signatory_list, name="list"),
    path("signatories/<slug:slug>/", views.signatory_detail, name="detail"),
    path("signatories.csv", views.signatories_csv, name="signatories-csv"),
    path("signatories.json", views.signatories_json, name="signatories-json"),
    path("signatories.atom", NewSignatoriesFeed(), name="feed"),
    path("declaration-projects/", views.project_list, name="projects"),
    path("declaration-projects.csv", views.projects_csv, name="projects-csv"),
    path("declaration-projects.json", views.projects_json, name="projects-json"),
    path("coverage/", views.coverage_page, name="coverage"),
]
