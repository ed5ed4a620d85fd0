"""Project updates: the public list, pages and feeds (public_page: kept whole
in the cache), the follow pages, and the officers' pages."""

from django.urls import path

from localdigital.core.page_cache import public_page
from sharing import documents, feeds, follow_pages, views
from sharing.open_data import updates_csv, updates_json
from sharing.post import views as post

app_name = "sharing"

urlpatterns = [
    path("updates/", public_page(views.update_list), name="updates"),
    path("updates.atom", public_page(feeds.AllUpdatesFeed()), name="feed"),
    path("updates.csv", public_page(updates_csv), name="updates-csv"),
    path("updates.json", public_page(updates_json), name="updates-json"),
    path("updates/<int:pk>/", public_page(views.update_detail), name="update"),
    path(
        "updates/<int:pk>/documents/<str:token>/",
        documents.document_download,
        name="document",
    ),
    path(
        "fund/projects/<slug:reference>/updates.atom",
        public_page(feeds.ProjectUpdatesFeed()),
        name="project-feed",
    ),
    path(
        "updates/follow/project/<slug:reference>/",
        follow_pages.follow_project,
        name="follow-project",
    ),
    path("updates/follow/council/<slug:slug>/", follow_pages.follow_council, name="follow-council"),
    path(
        "updates/follow/service-area/<slug:slug>/",
        follow_pages.follow_service_area,
        name="follow-service-area",
    ),
    path("updates/yours/", post.your_projects, name="your-projects"),
    path("updates/yours/<slug:reference>/new/", post.new_update, name="new-update"),
    path("updates/yours/edit/<int:pk>/", post.edit_update, name="edit-update"),
]
