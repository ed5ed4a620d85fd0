"""The home page shows the latest published case studies and project updates,
in the same number of queries however many there are."""

import pytest
from django.test import Client

from sharing import services
from tests.factories import signed_council
from tests.govuk_pages import text
from tests.sharing.cases import propose, published_case_study
from tests.sharing.projects import funded_project, post_update

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_latest_case_studies_and_updates(client):
    bid = funded_project()
    post_update(bid, title="Sprint 9: repairs go live")
    published_case_study([bid.lead], title="Repairs reported online")
    propose([bid.lead], title="Still waiting")

    page = text(client.get("/"))

    assert "Latest case studies" in page and "Repairs reported online" in page
    assert "Latest project updates" in page and "Sprint 9: repairs go live" in page
    assert "Still waiting" not in page


def test_a_newly_published_case_study_shows_at_once_on_the_cached_home_page(
    page_cache, django_capture_on_commit_callbacks
):
    visitor = Client()
    case_study = propose([signed_council()], title="Published just now")
    assert "Published just now" not in text(visitor.get("/"))

    with django_capture_on_commit_callbacks(execute=True):
        services.case_study_publish(case_study=case_study, by_user=None)

    assert "Published just now" in text(visitor.get("/"))


@pytest.mark.parametrize("size", [1, 4])
def test_the_home_page_runs_the_same_queries_at_any_size(client, django_assert_num_queries, size):
    bid = funded_project()
    for number in range(size):
        post_update(bid, title=f"Sprint {number}")
        published_case_study([bid.lead], title=f"Case {number}")

    with django_assert_num_queries(9):
        assert client.get("/").status_code == 200
