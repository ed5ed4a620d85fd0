"""Moderators work through the sign-up queue in Django admin."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from localdigital.core.models import OutboundEmail
from signatories.models import (
    OrganisationType,
    RejectionReason,
    SignUp,
    SignUpState,
)
from tests.factories import OrganisationFactory, RejectionReasonFactory, SignUpFactory
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

State = SignUpState
QUEUE = "/admin/signatories/signup/"


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def page_text(response) -> str:
    """The words on the page, without tags, as a person reads them."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    # Words run on across inline tags ("<strong>overdue</strong>."); other tags separate them.
    html = re.sub(r"</?(strong|em|b|a|span|code)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def queue_rows(response) -> list[str]:
    """Each row of the queue's table, as text."""
    html = response.content.decode()
    body = html[html.index('<table id="result_list"') :]
    body = body[: body.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)[1:]
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


def references_listed(response) -> list[str]:
    return [row.split()[0] for row in queue_rows(response)]


def change_url(sign_up) -> str:
    return f"{QUEUE}{sign_up.pk}/change/"


def moderate_url(sign_up, move: str) -> str:
    return f"{QUEUE}{sign_up.pk}/moderate/{move}/"


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        username="moderator", password="unused-password-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    sign_in_staff(client, moderator)
    return client


def post_move(client, sign_up, move, data=None, *, seen_state=None, capture):
    data = {"seen_state": seen_state or sign_up.state, **(data or {})}
    with capture(execute=True):
        return client.post(moderate_url(sign_up, move), data, follow=True)


# The group


def test_moderators_hold_no_permission_on_the_declarations_content():
    codenames = set(
        Group.objects.get(name="Moderators").permissions.values_list(
            "content_type__app_label", "codename"
        )
    )

    assert ("signatories", "change_signup") in codenames
    assert ("signatories", "change_organisation") in codenames
    assert ("signatories", "add_rejectionreason") in codenames
    assert ("localdigital", "change_outboundemail") in codenames
    assert ("declaration", "change_servicearea") in codenames
    assert not {
        (app, codename)
        for app, codename in codenames
        if app == "declaration" and not codename.endswith("servicearea")
    }
    assert not {codename for _, codename in codenames if codename.startswith("delete_")}


def test_a_starting_list_of_rejection_reasons_is_offered():
    assert RejectionReason.objects.filter(is_active=True).count() >= 5
    assert RejectionReason.objects.filter(text__icontains="supplier").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/declaration/principle/",
        "/admin/declaration/declaration/1/change/",
        "/admin/auth/user/",
        "/admin/signatories/signup/add/",
    ],
)
def test_a_moderator_cannot_open_what_is_not_theirs(moderator_client, path):
    assert moderator_client.get(path).status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/admin/signatories/organisation/",
        "/admin/signatories/organisation/add/",
        "/admin/signatories/rejectionreason/add/",
        "/admin/declaration/servicearea/",
        "/admin/localdigital/outboundemail/",
    ],
)
def test_a_moderator_can_manage_organisations_and_the_lists(moderator_client, path):
    assert moderator_client.get(path).status_code == 200


def test_a_moderator_cannot_delete_a_sign_up_but_a_superuser_can(moderator_client, admin_client):
    sign_up = SignUpFactory(state=State.REJECTED)
    delete_url = f"{QUEUE}{sign_up.pk}/delete/"

    assert moderator_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert SignUp.objects.filter(pk=sign_up.pk).exists()

    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not SignUp.objects.filter(pk=sign_up.pk).exists()


def test_staff_without_permissions_are_refused(client, django_user_model):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    sign_in_staff(
        client,
        django_user_model.objects.create_user(
            username="staff", password="unused-password-123", is_staff=True
        ),
    )

    assert client.get(QUEUE).status_code == 403
    assert client.get(change_url(sign_up)).status_code == 403
    assert client.get(moderate_url(sign_up, "approve")).status_code == 403
    assert (
        client.post(moderate_url(sign_up, "approve"), {"seen_state": sign_up.state}).status_code
        == 403
    )
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW


def test_staff_who_may_only_look_cannot_moderate(client, django_user_model):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    viewer = django_user_model.objects.create_user(
        username="viewer", password="unused-password-123", is_staff=True
    )
    viewer.user_permissions.add(Permission.objects.get(codename="view_signup"))
    sign_in_staff(client, viewer)

    page = page_text(client.get(change_url(sign_up)))
    assert "You do not have permission to moderate sign-ups." in page
    assert "Approve" not in page
    assert (
        client.post(moderate_url(sign_up, "approve"), {"seen_state": sign_up.state}).status_code
        == 403
    )
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    response = client.get(moderate_url(sign_up, "approve"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# The queue


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


# A sign-up's page


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


# Moderating


def test_approving_through_admin_asks_the_approver_to_sign(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    form = page_text(moderator_client.get(moderate_url(sign_up, "approve")))
    assert f"The senior approver, Tom Evans ({sign_up.approver_email}), will be emailed" in form

    response = post_move(
        moderator_client, sign_up, "approve", capture=django_capture_on_commit_callbacks
    )

    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_SIGN_OFF
    assert response.redirect_chain[-1][0] == change_url(sign_up)
    assert f"{sign_up.reference} approved. Tom Evans has been emailed a link to sign." in page_text(
        response
    )
    [message] = mail.outbox
    assert message.to == [sign_up.approver_email]
    assert sign_up.reference in message.subject
    change = sign_up.state_changes.last()
    assert (change.to_state, change.by_user.username) == (State.AWAITING_SIGN_OFF, "moderator")


def test_asking_for_changes_through_admin_emails_the_advice(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    assert (
        'name="advice"'
        in moderator_client.get(moderate_url(sign_up, "request_changes")).content.decode()
    )

    response = post_move(
        moderator_client,
        sign_up,
        "request_changes",
        {"advice": "Say which year the service will be live."},
        capture=django_capture_on_commit_callbacks,
    )

    sign_up.refresh_from_db()
    assert sign_up.state == State.CHANGES_REQUESTED
    assert sign_up.changes_advice == "Say which year the service will be live."
    assert f"Advice on {sign_up.reference} sent to Priya Shah." in page_text(response)
    [message] = mail.outbox
    assert message.to == [sign_up.officer_email]
    assert "Say which year the service will be live." in message.body


def test_asking_for_changes_without_advice_is_refused_with_a_message(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    response = post_move(
        moderator_client,
        sign_up,
        "request_changes",
        {"advice": "   "},
        capture=django_capture_on_commit_callbacks,
    )

    assert response.status_code == 200
    page = page_text(response)
    assert "Enter the advice to send to the officer." in page
    assert "<title>Error: " in response.content.decode()
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW
    assert mail.outbox == []


def test_rejecting_through_admin_gives_a_reason_from_the_list(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    reason = RejectionReason.objects.get(text__icontains="supplier")
    retired = RejectionReasonFactory(text="A reason no longer used", is_active=False)
    form = moderator_client.get(moderate_url(sign_up, "reject")).content.decode()
    assert reason.text in form
    assert retired.text not in form

    response = post_move(
        moderator_client,
        sign_up,
        "reject",
        {"reason": reason.pk, "note": "It sells case management software."},
        capture=django_capture_on_commit_callbacks,
    )

    sign_up.refresh_from_db()
    assert sign_up.state == State.REJECTED
    assert sign_up.rejection_reason == reason
    assert sign_up.rejection_note == "It sells case management software."
    assert f"{sign_up.reference} rejected." in page_text(response)
    [message] = mail.outbox
    assert reason.text in message.body
    assert "It sells case management software." in message.body


@pytest.mark.parametrize("reason", ["", "retired", "999999", "not a number"])
def test_rejecting_needs_an_active_reason(
    moderator_client, django_capture_on_commit_callbacks, reason
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    if reason == "retired":
        reason = RejectionReasonFactory(text="A reason no longer used", is_active=False).pk

    response = post_move(
        moderator_client,
        sign_up,
        "reject",
        {"reason": reason},
        capture=django_capture_on_commit_callbacks,
    )

    assert response.status_code == 200
    page = page_text(response)
    assert (
        "Choose the reason for rejecting the sign-up." in page
        or "Choose a reason from the list." in page
    )
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW
    assert mail.outbox == []


def test_removing_a_signatory_through_admin(moderator_client, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=State.SIGNED)
    assert 'name="reason"' in moderator_client.get(moderate_url(sign_up, "remove")).content.decode()

    response = post_move(
        moderator_client,
        sign_up,
        "remove",
        {"reason": "The council has merged into a new unitary authority."},
        capture=django_capture_on_commit_callbacks,
    )

    sign_up.refresh_from_db()
    assert sign_up.state == State.REMOVED
    assert sign_up.removal_reason == "The council has merged into a new unitary authority."
    assert "removed from the signatories" in page_text(response)
    [message] = mail.outbox
    assert message.to == [sign_up.officer_email]
    assert sign_up.reference in message.subject


def test_removing_needs_a_reason(moderator_client, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=State.SIGNED)

    response = post_move(
        moderator_client,
        sign_up,
        "remove",
        {"reason": ""},
        capture=django_capture_on_commit_callbacks,
    )

    assert "Enter the reason for removing the organisation." in page_text(response)
    sign_up.refresh_from_db()
    assert sign_up.state == State.SIGNED


@pytest.mark.parametrize(
    ("state", "move", "data"),
    [
        (State.SIGNED, "approve", {}),
        (State.REJECTED, "request_changes", {"advice": "More detail"}),
        (State.AWAITING_REVIEW, "remove", {"reason": "Asked to"}),
        (State.AWAITING_CONFIRMATION, "approve", {}),
        (State.REMOVED, "reject", {"reason": "1"}),
    ],
)
def test_a_move_not_allowed_from_the_state_shows_an_error_and_changes_nothing(
    moderator_client, django_capture_on_commit_callbacks, state, move, data
):
    sign_up = SignUpFactory(state=state)

    shown = moderator_client.get(moderate_url(sign_up, move), follow=True)
    posted = post_move(
        moderator_client, sign_up, move, data, capture=django_capture_on_commit_callbacks
    )

    for response in (shown, posted):
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == change_url(sign_up)
        assert "is not possible. Nothing has been changed." in page_text(response)
    sign_up.refresh_from_db()
    assert sign_up.state == state
    assert sign_up.state_changes.count() == 1
    assert mail.outbox == []


def test_a_moderator_acting_on_a_page_that_is_out_of_date_is_refused(
    moderator_client, moderator, django_capture_on_commit_callbacks
):
    # Another moderator approved the sign-up while this one had the rejection
    # form open. Rejecting is allowed from awaiting sign-off, but this
    # moderator decided on what they saw, and that has changed.
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    moderator_client.get(moderate_url(sign_up, "reject"))
    post_move(moderator_client, sign_up, "approve", capture=django_capture_on_commit_callbacks)

    response = post_move(
        moderator_client,
        sign_up,
        "reject",
        {"reason": RejectionReason.objects.first().pk},
        seen_state=State.AWAITING_REVIEW,
        capture=django_capture_on_commit_callbacks,
    )

    assert "became awaiting senior sign-off while you had it open" in page_text(response)
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_SIGN_OFF
    assert len(mail.outbox) == 1


def test_an_unknown_move_or_sign_up_is_not_found(moderator_client):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    assert moderator_client.get(moderate_url(sign_up, "sign")).status_code == 404
    assert moderator_client.get(moderate_url(sign_up, "resubmit")).status_code == 404
    assert moderator_client.get(f"{QUEUE}999999/moderate/approve/").status_code == 404


def test_moderating_needs_a_csrf_token(client, moderator, django_capture_on_commit_callbacks):
    from django.test import Client

    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    strict = Client(enforce_csrf_checks=True)
    sign_in_staff(strict, moderator)

    response = strict.post(moderate_url(sign_up, "approve"), {"seen_state": sign_up.state})

    assert response.status_code == 403
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW
