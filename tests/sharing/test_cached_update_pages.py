"""Updates show at once on pages kept in the cache for visitors, and a hidden
one goes at once: posting and hiding raise the content version."""

import pytest
from django.test import Client

from sharing import services
from tests.factories import moderator_user
from tests.sharing.projects import funded_project, post_update

PAGES = ["/updates/", "/updates.atom", "/updates.csv"]


@pytest.fixture
def visitor(page_cache):
    return Client()


def seen(visitor, path: str) -> str:
    response = visitor.get(path)
    assert response.status_code == 200
    return response.getvalue().decode()


def test_a_posted_update_shows_at_once_and_a_hidden_one_goes(
    db, visitor, django_capture_on_commit_callbacks
):
    bid = funded_project()
    pages = [*PAGES, bid.get_absolute_url()]
    for path in pages:
        assert "Sprint 3" not in seen(visitor, path)

    with django_capture_on_commit_callbacks(execute=True):
        update = post_update(bid, title="Sprint 3")
    for path in pages:
        assert "Sprint 3" in seen(visitor, path), path

    with django_capture_on_commit_callbacks(execute=True):
        services.update_hide(update=update, by_user=moderator_user(), reason="Asked to.")
    for path in pages:
        assert "Sprint 3" not in seen(visitor, path), path
