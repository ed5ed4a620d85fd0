"""Case studies (public pages, kept whole in the cache, and the officers'
proposal) and project updates: the public list, pages and feeds
(public_page), the follow pages, and the officers' pages."""

from django.urls import path

from localdigital.core.page_cache import public_page
from sharing import case_pages, documents, feeds, follow_pages, views
from sharing.case_open_data import case_studies_csv, case_studies_json
from sharing.open_data import updates_csv, updates_json
from sharing.post import views as post
from sharing.propose import views as propose

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
    path("case-studies/", public_page(case_pages.case_study_list), name="case-studies"),
    path("case-studies.csv", public_page(case_studies_csv), name="case-studies-csv"),
    path("case-studies.json", public_page(case_studies_json), name="case-studies-json"),
    path("case-studies/propose/", propose.propose_form, name="propose-case-study"),
    path("case-studies/propose/check/", propose.propose_check, name="propose-check"),
    path("case-studies/propose/sent/", propose.proposal_sent, name="proposal-sent"),
    path(
        "case-studies/<slug:slug>/",
        public_page(case_pages.case_study_detail),
        name="case-study",
    ),
    path("updates/yours/", post.your_projects, name="your-projects"),
    path("updates/yours/<slug:reference>/new/", post.new_update, name="new-update"),
    path("updates/yours/edit/<int:pk>/", post.edit_update, name="edit-update"),
]
