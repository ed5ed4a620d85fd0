"""Staff hide an update with a reason, kept in its history; a hidden update is
shown nowhere: not on a page, a feed, the open data or a digest."""

import datetime

import pytest
from django.utils import timezone

from sharing.models import UpdateState
from subscriptions import services as subscription_services
from subscriptions.models import Announcement
from tests.admin_pages import make_staff
from tests.factories import moderator_user
from tests.govuk_pages import text
from tests.sharing.projects import funded_project, post_update
from tests.staff import sign_in_staff

UPDATES = "/admin/sharing/projectupdate/"


@pytest.fixture
def moderator(client, db):
    user = moderator_user(is_staff=True)
    sign_in_staff(client, user)
    return client


def _hide(client, update, reason="It named a resident."):
    return client.post(
        f"{UPDATES}{update.pk}/move/hide/", {"seen_state": update.state, "note": reason}
    )


def test_a_moderator_hides_an_update_and_the_reason_is_in_its_history(moderator):
    update = post_update(funded_project())

    response = _hide(moderator, update)

    assert response.status_code == 302
    update.refresh_from_db()
    assert update.state == UpdateState.HIDDEN
    change = update.history.latest("pk")
    assert (change.to_state, change.note, change.by_label) == (
        "hidden",
        "It named a resident.",
        "moderator",
    )
    page = moderator.get(f"{UPDATES}{update.pk}/change/")
    assert "It named a resident." in text(page)


def test_hiding_needs_a_reason(moderator):
    update = post_update(funded_project())

    response = _hide(moderator, update, reason="")

    assert "Enter the reason for hiding the update." in text(response)
    update.refresh_from_db()
    assert update.state == UpdateState.PUBLISHED


def test_staff_without_the_permission_cannot_hide(client, django_user_model, db):
    update = post_update(funded_project())
    sign_in_staff(client, make_staff(django_user_model, "editor", "Content editors"))

    response = _hide(client, update)

    assert response.status_code == 403
    update.refresh_from_db()
    assert update.state == UpdateState.PUBLISHED


def test_a_hidden_update_is_shown_nowhere(client, moderator, db):
    bid = funded_project()
    update = post_update(bid, title="The sprint to hide")
    _hide(moderator, update)
    visitor = type(client)()

    assert visitor.get(update.get_absolute_url()).status_code == 404
    assert "The sprint to hide" not in text(visitor.get(bid.get_absolute_url()))
    assert "The sprint to hide" not in text(visitor.get("/updates/"))
    assert "The sprint to hide" not in visitor.get("/updates.atom").content.decode()
    project_feed = visitor.get(f"/fund/projects/{bid.reference}/updates.atom")
    assert "The sprint to hide" not in project_feed.content.decode()
    csv_text = b"".join(visitor.get("/updates.csv").streaming_content).decode()
    assert "The sprint to hide" not in csv_text
    assert "The sprint to hide" not in visitor.get("/sitemap-project-updates.xml").content.decode()


def test_a_hidden_update_leaves_the_weekly_digest(moderator, db):
    update = post_update(funded_project())

    _hide(moderator, update)

    assert (
        subscription_services.send_weekly_digests(now=timezone.now() + datetime.timedelta(days=1))
        == 0
    )
    assert not Announcement.objects.exists()


def test_a_moderator_shows_a_hidden_update_again(moderator):
    update = post_update(funded_project())
    _hide(moderator, update)
    update.refresh_from_db()

    moderator.post(f"{UPDATES}{update.pk}/move/show/", {"seen_state": update.state, "note": ""})

    update.refresh_from_db()
    assert update.state == UpdateState.PUBLISHED
