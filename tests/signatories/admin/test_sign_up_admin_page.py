"""A sign-up's page in Django admin: its answers read-only, the moves allowed
from its state, its history and its emails."""

import pytest

from localdigital.core.models import OutboundEmail
from signatories.models import SignUpState
from tests.admin_pages import page_text
from tests.factories import SignUpFactory
from tests.signatories.admin.moderation_pages import (
    change_url,
    days_from_today,
    moderate_url,
    post_move,
)

pytestmark = pytest.mark.django_db

State = SignUpState


def test_the_sign_up_page_shows_the_answers_read_only(moderator_client):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW, review_due=days_from_today(-1))

    response = moderator_client.get(change_url(sign_up))

    page = page_text(response)
    assert response.status_code == 200
    assert (
        f"This sign-up is awaiting review. Review due by {days_from_today(-1):%-d %B %Y}: overdue."
        in page
    )
    assert sign_up.commitment.title in page
    assert sign_up.commitment.mission in page
    assert "Priya Shah" in page and "Chief Executive" in page
    html = response.content.decode()
    assert 'name="officer_name"' not in html
    assert 'name="state"' not in html
    assert 'name="_save"' not in html


def test_the_sign_up_page_offers_only_the_moves_allowed_from_its_state(moderator_client):
    waiting = SignUpFactory(state=State.AWAITING_REVIEW)
    signed = SignUpFactory(state=State.SIGNED)
    rejected = SignUpFactory(state=State.REJECTED)

    waiting_html = moderator_client.get(change_url(waiting)).content.decode()
    signed_html = moderator_client.get(change_url(signed)).content.decode()
    rejected_page = page_text(moderator_client.get(change_url(rejected)))

    for move in ["approve", "request_changes", "reject"]:
        assert moderate_url(waiting, move) in waiting_html
    assert moderate_url(waiting, "remove") not in waiting_html
    assert moderate_url(signed, "remove") in signed_html
    assert moderate_url(signed, "approve") not in signed_html
    assert "There is nothing for a moderator to do in this state." in rejected_page


def test_the_sign_up_page_shows_its_history_and_its_emails(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    post_move(
        moderator_client,
        sign_up,
        "request_changes",
        {"advice": "Name the partners who have agreed."},
        capture=django_capture_on_commit_callbacks,
    )

    response = moderator_client.get(change_url(sign_up))

    page = page_text(response)
    assert "Awaiting review Changes requested moderator Name the partners who have agreed." in page
    email = OutboundEmail.objects.get(reference=sign_up.reference)
    assert f"Emails about {sign_up.reference}" in page
    assert f"{sign_up.officer_email} {email.subject} Sent" in page
    assert (
        f'href="/admin/localdigital/outboundemail/{email.pk}/change/"' in response.content.decode()
    )
