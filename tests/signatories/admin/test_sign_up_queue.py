"""Moderators find the sign-ups waiting for them in the queue: deadlines,
flags, order, filters and search."""

import pytest

from signatories.models import OrganisationType, SignUpState
from tests.admin_pages import page_text
from tests.factories import OrganisationFactory, SignUpFactory
from tests.signatories.admin.moderation_pages import (
    QUEUE,
    days_from_today,
    queue_rows,
    references_listed,
)

pytestmark = pytest.mark.django_db

State = SignUpState


def test_the_queue_shows_each_sign_up_with_its_deadline_and_flags(moderator_client):
    overdue = SignUpFactory(state=State.AWAITING_REVIEW, review_due=days_from_today(-1))
    due = SignUpFactory(
        state=State.AWAITING_REVIEW,
        review_due=days_from_today(2),
        email_domain_mismatch=True,
        organisation__needs_review=True,
    )

    rows = queue_rows(moderator_client.get(QUEUE))

    [overdue_row] = [row for row in rows if overdue.reference in row]
    [due_row] = [row for row in rows if due.reference in row]
    assert "Overdue" in overdue_row
    assert "Awaiting review" in overdue_row
    assert overdue.organisation.name in overdue_row
    assert "Overdue" not in due_row
    html = moderator_client.get(QUEUE).content.decode()
    # Django shows booleans as icons with the words as alternative text.
    due_html = html[html.index(due.reference) :].split("</tr>")[0]
    assert due_html.count('alt="True"') == 2


def test_a_signed_sign_up_past_its_old_deadline_is_not_overdue(moderator_client):
    signed = SignUpFactory(state=State.SIGNED, review_due=days_from_today(-10))

    [row] = queue_rows(moderator_client.get(QUEUE))

    assert signed.reference in row
    assert "Overdue" not in row


def test_the_queue_puts_the_oldest_deadline_first_and_waiting_work_before_the_rest(
    moderator_client,
):
    later = SignUpFactory(state=State.AWAITING_REVIEW, review_due=days_from_today(3))
    signed = SignUpFactory(state=State.SIGNED, review_due=days_from_today(-30))
    unconfirmed = SignUpFactory(state=State.AWAITING_CONFIRMATION, review_due=None)
    sooner = SignUpFactory(state=State.AWAITING_REVIEW, review_due=days_from_today(-2))

    assert references_listed(moderator_client.get(QUEUE)) == [
        sooner.reference,
        later.reference,
        signed.reference,
        unconfirmed.reference,
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("overdue=yes", ["overdue"]),
        ("overdue=no", ["due", "signed", "mismatched", "new", "police"]),
        ("state__exact=signed", ["signed"]),
        ("email_domain_mismatch__exact=1", ["mismatched"]),
        ("organisation__needs_review__exact=1", ["new"]),
        ("organisation__organisation_type__exact=police", ["police"]),
    ],
)
def test_the_queue_can_be_filtered(moderator_client, query, expected):
    sign_ups = {
        "overdue": SignUpFactory(review_due=days_from_today(-1)),
        "due": SignUpFactory(review_due=days_from_today(1)),
        "signed": SignUpFactory(state=State.SIGNED, review_due=days_from_today(-5)),
        "mismatched": SignUpFactory(email_domain_mismatch=True, review_due=days_from_today(1)),
        "new": SignUpFactory(organisation__needs_review=True, review_due=days_from_today(1)),
        "police": SignUpFactory(
            organisation__organisation_type=OrganisationType.POLICE,
            review_due=days_from_today(1),
        ),
    }

    listed = references_listed(moderator_client.get(f"{QUEUE}?{query}"))

    assert sorted(listed) == sorted(sign_ups[name].reference for name in expected)


def test_the_queue_has_the_filters_a_moderator_needs(moderator_client):
    SignUpFactory()

    page = page_text(moderator_client.get(QUEUE))

    for heading in [
        "By state",
        "By review deadline",
        "By email domain mismatch",
        "By organisation type",
        "By new organisation",
    ]:
        assert heading in page


@pytest.mark.parametrize(
    "search",
    [
        "otherton",
        "Asha Rahman",
        "asha.rahman@otherton",
        "Claire Okafor",
        "claire.okafor@otherton.gov.uk",
    ],
)
def test_the_queue_can_be_searched_by_organisation_and_people(moderator_client, search):
    found = SignUpFactory(
        organisation=OrganisationFactory(
            name="Otherton Borough Council", email_domains="otherton.gov.uk"
        ),
        officer_name="Asha Rahman",
        officer_email="asha.rahman@otherton.gov.uk",
        approver_name="Claire Okafor",
        approver_email="claire.okafor@otherton.gov.uk",
    )
    SignUpFactory()

    assert references_listed(moderator_client.get(QUEUE, {"q": search})) == [found.reference]


def test_the_queue_can_be_searched_by_reference(moderator_client):
    found, _ = SignUpFactory(), SignUpFactory()

    assert references_listed(moderator_client.get(QUEUE, {"q": found.reference})) == [
        found.reference
    ]
