"""Site search finds published case studies and project updates, and nothing
that is waiting for staff, declined or hidden."""

import pytest

from sharing import services
from tests.factories import moderator_user, signed_council
from tests.govuk_pages import text
from tests.sharing.cases import propose, published_case_study
from tests.sharing.projects import funded_project, post_update

pytestmark = pytest.mark.django_db


def test_search_finds_a_published_case_study_and_not_a_proposal(client):
    council = signed_council()
    published_case_study([council], title="Composting collections made simple")
    propose([council], title="Composting secrets still waiting")

    page = text(client.get("/search/", {"q": "composting"}))

    assert "Case studies" in page
    assert "Composting collections made simple" in page
    assert "Composting secrets still waiting" not in page


def test_search_finds_a_case_study_by_the_words_of_its_problem(client):
    published_case_study(
        [signed_council()], title="A new form", problem="Residents queued for parking permits."
    )

    assert "A new form" in text(client.get("/search/", {"q": "parking"}))


def test_search_finds_a_published_update_and_not_a_hidden_one(client):
    bid = funded_project()
    post_update(bid, title="Sprint 4: wheelie bin sensors")
    hidden = post_update(bid, title="Sprint 5: wheelie bin secrets")
    services.update_hide(update=hidden, by_user=moderator_user(), reason="Asked to.")

    page = text(client.get("/search/", {"q": "wheelie"}))

    assert "Project updates" in page
    assert "Sprint 4: wheelie bin sensors" in page
    assert "Sprint 5: wheelie bin secrets" not in page
