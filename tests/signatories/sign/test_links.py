"""The pages that the emailed single-use links open: confirm, change, sign."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from signatories.models import LinkPurpose, SignUp, SignUpLink, SignUpState
from signatories.services import sign_up_approve, sign_up_request_changes
from tests.factories import moderator_user
from tests.govuk_pages import error_summary, text, title
from tests.signatories.sign.sign_up_journey import ANSWERS, answer_everything, link_in, send_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirm_link(client, organisation, django_capture_on_commit_callbacks) -> str:
    """A sign-up sent through the journey; the path of the link emailed to confirm it."""
    answer_everything(client, organisation)
    send_answers(client, django_capture_on_commit_callbacks)
    path = link_in(mail.outbox[-1])
    mail.outbox.clear()
    return path


@pytest.fixture
def moderator():
    return moderator_user(email="moderator@example.gov.uk")


def confirmed_sign_up(client, confirm_link, django_capture_on_commit_callbacks) -> SignUp:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_link)
    mail.outbox.clear()
    return SignUp.objects.get()


def test_opening_the_confirmation_link_only_shows_a_button(client, confirm_link):
    # Email security scanners open links: opening one must change nothing.
    response = client.get(confirm_link)

    assert response.status_code == 200
    assert "Confirm my email address" in text(response)
    assert 'method="post"' in response.content.decode()
    sign_up = SignUp.objects.get()
    assert sign_up.state == SignUpState.AWAITING_CONFIRMATION
    assert sign_up.confirmed_at is None
    assert SignUpLink.objects.get().used_at is None


def test_pressing_the_button_confirms_the_email_and_sends_for_review(
    client, confirm_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_link)

    assert response["Location"] == "/sign/email-confirmed/"
    sign_up = SignUp.objects.get()
    assert sign_up.state == SignUpState.AWAITING_REVIEW
    assert sign_up.confirmed_at is not None
    assert sign_up.review_due is not None
    page = client.get("/sign/email-confirmed/")
    assert f"Your reference {sign_up.reference}" in text(page)
    [email] = mail.outbox
    assert "We have received your sign-up" in email.subject


def test_a_confirmation_link_works_only_once(
    client, confirm_link, django_capture_on_commit_callbacks
):
    confirmed_sign_up(client, confirm_link, django_capture_on_commit_callbacks)

    again = client.post(confirm_link)

    assert again.status_code == 410
    assert "This link has already been used" in text(again)
    assert "there is nothing more to do" in text(again)
    assert client.get(confirm_link).status_code == 410


def test_an_expired_confirmation_link_is_refused_and_a_new_one_offered(
    client, confirm_link, django_capture_on_commit_callbacks
):
    SignUpLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    response = client.post(confirm_link)

    assert response.status_code == 410
    assert "This link has expired" in text(response)
    assert "Send me a new link" in text(response)
    assert SignUp.objects.get().state == SignUpState.AWAITING_CONFIRMATION
    token = confirm_link.rstrip("/").rsplit("/", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        resent = client.post("/sign/new-link/", {"token": token})
    assert "We have sent a new link" in text(resent)
    [email] = mail.outbox
    new_link = link_in(email)
    assert new_link != confirm_link
    with django_capture_on_commit_callbacks(execute=True):
        client.post(new_link)
    assert SignUp.objects.get().state == SignUpState.AWAITING_REVIEW


def test_a_link_nobody_was_sent_does_not_work(client):
    response = client.get("/sign/confirm/made-up-token/")

    assert response.status_code == 404
    assert "This link does not work" in text(response)


def test_a_new_confirmation_link_can_be_asked_for_with_reference_and_email(
    client, confirm_link, django_capture_on_commit_callbacks
):
    sign_up = SignUp.objects.get()
    page = client.get("/sign/new-link/")
    assert f'value="{sign_up.reference}"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/sign/new-link/",
            {"reference": f" {sign_up.reference.lower()} ", "email": "PRIYA.SHAH@testshire.gov.uk"},
        )

    assert "We have sent a new link" in text(response)
    [email] = mail.outbox
    assert email.to == ["priya.shah@testshire.gov.uk"]
    # The old link stops working once a new one is sent.
    assert client.get(confirm_link).status_code == 410


def test_asking_for_a_link_with_wrong_details_sends_nothing_and_gives_nothing_away(
    client, confirm_link, django_capture_on_commit_callbacks
):
    sign_up = SignUp.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/sign/new-link/", {"reference": sign_up.reference, "email": "someone@else.gov.uk"}
        )

    assert "We have sent a new link" in text(response)
    assert mail.outbox == []


def test_asking_for_a_link_without_details_explains_what_is_needed(client):
    response = client.post("/sign/new-link/", {"reference": "", "email": "nope"})

    assert title(response).startswith("Error: ")
    assert error_summary(response) == [
        "Enter your reference",
        "Enter an email address in the correct format, like name@example.gov.uk",
    ]


def test_purge_deletes_only_sign_ups_left_unconfirmed_for_30_days(organisation, capsys):
    from tests.factories import SignUpFactory

    old = SignUpFactory(state=SignUpState.AWAITING_CONFIRMATION, confirmed_at=None)
    recent = SignUpFactory(state=SignUpState.AWAITING_CONFIRMATION, confirmed_at=None)
    old_but_confirmed = SignUpFactory(state=SignUpState.AWAITING_REVIEW)
    days_ago_31 = timezone.now() - datetime.timedelta(days=31)
    SignUp.objects.filter(pk__in=[old.pk, old_but_confirmed.pk]).update(created_at=days_ago_31)
    SignUp.objects.filter(pk=recent.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=29)
    )

    call_command("purge_unconfirmed")

    assert set(SignUp.objects.values_list("pk", flat=True)) == {recent.pk, old_but_confirmed.pk}
    assert "Deleted 1 unconfirmed sign-up(s)." in capsys.readouterr().out


def test_officer_makes_the_changes_asked_for_and_sends_them_back_for_review(
    client, confirm_link, moderator, django_capture_on_commit_callbacks
):
    sign_up = confirmed_sign_up(client, confirm_link, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up_request_changes(sign_up=sign_up, by=moderator, advice="Name a date in the title.")
    edit_link = link_in(mail.outbox[-1])
    mail.outbox.clear()
    officer = client.__class__()  # opening the link from the email, in a fresh browser

    response = officer.get(edit_link, follow=True)

    page = text(response)
    assert "Check your answers before sending them" in page
    assert "Name a date in the title." in page
    assert 'href="/sign/organisation/?change=1"' not in response.content.decode()
    officer.post(
        "/sign/project/?change=1",
        {**ANSWERS["/sign/project/"], "title": "Online licence renewals by June 2027"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        sent = officer.post("/sign/check-answers/")
    assert sent["Location"] == "/sign/confirmation/"
    assert "Changes sent" in text(officer.get("/sign/confirmation/"))
    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.AWAITING_REVIEW
    assert sign_up.commitment.title == "Online licence renewals by June 2027"
    assert "We have received your sign-up" in mail.outbox[0].subject
    assert officer.get(edit_link).status_code == 410


def test_edit_link_opened_by_a_scanner_changes_nothing(
    client, confirm_link, moderator, django_capture_on_commit_callbacks
):
    sign_up = confirmed_sign_up(client, confirm_link, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up_request_changes(sign_up=sign_up, by=moderator, advice="Add a partner.")
    edit_link = link_in(mail.outbox[-1])

    client.__class__().get(edit_link)

    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.CHANGES_REQUESTED
    assert SignUpLink.objects.get(purpose=LinkPurpose.EDIT).used_at is None


@pytest.fixture
def sign_link(client, confirm_link, moderator, django_capture_on_commit_callbacks) -> str:
    sign_up = confirmed_sign_up(client, confirm_link, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up_approve(sign_up=sign_up, by=moderator)
    [email] = mail.outbox
    assert email.to == ["tom.evans@testshire.gov.uk"]
    mail.outbox.clear()
    return link_in(email)


def test_approver_link_shows_the_declaration_and_the_commitment(client, sign_link):
    response = client.get(sign_link)

    assert response.status_code == 200
    page = text(response)
    assert "Sign the Local Digital Declaration for Testshire District Council" in page
    assert "Our principles" in page and "Design services around the needs of people" in page
    assert "Online licence renewals by March 2027" in page
    assert "Replace paper renewal forms with an online service." in page
    assert "Type your full name to sign" in page
    assert SignUp.objects.get().state == SignUpState.AWAITING_SIGN_OFF


def test_approver_signs_by_typing_their_name(client, sign_link, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sign_link, {"typed_name": "  tom   evans "})

    assert response["Location"] == "/sign/signed/"
    sign_up = SignUp.objects.get()
    assert sign_up.state == SignUpState.SIGNED
    assert sign_up.signed_by_name == "tom evans"
    assert "Testshire District Council has signed the Local Digital Declaration" in text(
        client.get("/sign/signed/")
    )
    assert sorted(email.to[0] for email in mail.outbox) == [
        "priya.shah@testshire.gov.uk",
        "tom.evans@testshire.gov.uk",
    ]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type your full name to sign"),
        ("Priya Shah", "Type your name as it appears on this page: Tom Evans"),
    ],
)
def test_approver_must_type_their_own_name(client, sign_link, typed, message):
    response = client.post(sign_link, {"typed_name": typed})

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert error_summary(response) == [message]
    assert SignUp.objects.get().state == SignUpState.AWAITING_SIGN_OFF


def test_a_signing_link_works_only_once(client, sign_link, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_link, {"typed_name": "Tom Evans"})

    again = client.post(sign_link, {"typed_name": "Tom Evans"})

    assert again.status_code == 410
    assert "This link has already been used" in text(again)
    assert "we have emailed you a copy" in text(again)
