"""Check your answers and sending them, as an officer does at the end of the
sign-up journey (Django's test client)."""

import pytest
from django.core import mail

from signatories.models import (
    LinkPurpose,
    Organisation,
    OrganisationType,
    SignUp,
    SignUpLink,
    SignUpState,
)
from tests.factories import SignUpFactory
from tests.govuk_pages import error_summary, text, title
from tests.signatories.sign.sign_up_journey import (
    ANSWERS,
    answer_everything,
    choose_organisation,
    link_in,
    send_answers,
)

pytestmark = pytest.mark.django_db


def test_check_answers_sends_you_back_to_the_first_question_not_answered(client, organisation):
    choose_organisation(client, organisation)
    client.post("/sign/your-details/", ANSWERS["/sign/your-details/"])

    response = client.get("/sign/check-answers/")

    assert response["Location"] == "/sign/senior-approver/"


def test_check_answers_shows_every_answer_with_a_change_link(client, organisation):
    answer_everything(client, organisation)

    response = client.get("/sign/check-answers/")

    assert response.status_code == 200
    page = text(response)
    for value in [
        "Testshire District Council",
        "Priya Shah",
        "Head of Digital",
        "priya.shah@testshire.gov.uk",
        "Tom Evans",
        "Chief Executive",
        "tom.evans@testshire.gov.uk",
        "Online licence renewals by March 2027",
        "Otherton Borough Council",
        "Replace paper renewal forms with an online service.",
        "Licence holders renew in minutes instead of posting forms.",
        "1. Design services around the needs of people",
        "3. Use and share information safely",
        "Licences, permits and permissions",
    ]:
        assert value in page, value
    html = response.content.decode()
    for path in ["/sign/organisation/", *ANSWERS]:
        assert f'href="{path}?change=1"' in html, path
    assert "Change the senior approver’s email address" in page


def test_change_link_returns_to_check_answers(client, organisation):
    answer_everything(client, organisation)

    page = client.get("/sign/project/?change=1")
    assert 'href="/sign/check-answers/"' in page.content.decode()  # the back link
    response = client.post(
        "/sign/project/?change=1", {**ANSWERS["/sign/project/"], "title": "A better title"}
    )

    assert response["Location"] == "/sign/check-answers/"
    assert "A better title" in text(client.get("/sign/check-answers/"))


def test_sending_answers_records_one_sign_up_and_emails_a_confirmation_link(
    client, organisation, django_capture_on_commit_callbacks
):
    answer_everything(client, organisation)

    response = send_answers(client, django_capture_on_commit_callbacks)

    assert response["Location"] == "/sign/confirmation/"
    sign_up = SignUp.objects.get()
    assert sign_up.organisation == organisation
    assert sign_up.state == SignUpState.AWAITING_CONFIRMATION
    assert sign_up.officer_email == "priya.shah@testshire.gov.uk"
    assert sign_up.has_authority is True
    assert sign_up.email_domain_mismatch is False
    commitment = sign_up.commitment
    assert commitment.title == "Online licence renewals by March 2027"
    assert [p.number for p in commitment.principles.order_by("number")] == [1, 3]
    assert commitment.service_area.slug == "licences-permits-and-permissions"
    [email] = mail.outbox
    assert email.to == ["priya.shah@testshire.gov.uk"]
    assert sign_up.reference in email.subject
    assert link_in(email).startswith("/sign/confirm/")
    assert SignUpLink.objects.get().purpose == LinkPurpose.CONFIRM_EMAIL


def test_confirmation_page_shows_the_reference_and_what_happens_next(
    client, organisation, django_capture_on_commit_callbacks
):
    answer_everything(client, organisation)
    send_answers(client, django_capture_on_commit_callbacks)

    response = client.get("/sign/confirmation/")

    page = text(response)
    assert f"Your reference {SignUp.objects.get().reference}" in page
    assert "We have sent an email to priya.shah@testshire.gov.uk" in page
    assert 'href="/sign/new-link/"' in response.content.decode()
    assert "What did you think of this service?" in page
    assert 'href="/feedback/?from=/sign/confirmation/"' in response.content.decode()
    # The answers have gone from the session: starting again starts afresh.
    assert client.get("/sign/check-answers/")["Location"] == "/sign/organisation/"


def test_sign_up_from_an_unknown_email_domain_is_accepted_and_flagged(
    client, organisation, django_capture_on_commit_callbacks
):
    answer_everything(
        client,
        organisation,
        **{"/sign/your-details/": {"officer_email": "priya@gmail.com"}},
    )

    send_answers(client, django_capture_on_commit_callbacks)

    assert SignUp.objects.get().email_domain_mismatch is True


def test_organisation_typed_in_is_created_for_review_only_when_answers_are_sent(
    client, django_capture_on_commit_callbacks
):
    response = client.post(
        "/sign/organisation/not-listed/",
        {"name": "  Testshire   Fire and Rescue Service ", "organisation_type": "fire-and-rescue"},
    )
    assert response["Location"] == "/sign/your-details/"
    for path, values in ANSWERS.items():
        client.post(path, values)
    assert (
        "Testshire Fire and Rescue Service (Fire and rescue service, not yet on our list)"
        in text(client.get("/sign/check-answers/"))
    )
    assert not Organisation.objects.exists()

    send_answers(client, django_capture_on_commit_callbacks)

    organisation = Organisation.objects.get()
    assert organisation.name == "Testshire Fire and Rescue Service"
    assert organisation.organisation_type == OrganisationType.FIRE_AND_RESCUE
    assert organisation.needs_review is True
    assert organisation.is_from_register is False
    assert SignUp.objects.get().organisation == organisation


def test_organisation_that_started_signing_meanwhile_is_explained_at_check_answers(
    client, organisation, django_capture_on_commit_callbacks
):
    answer_everything(client, organisation)
    SignUpFactory(organisation=organisation, state=SignUpState.AWAITING_CONFIRMATION)

    response = send_answers(client, django_capture_on_commit_callbacks)

    assert response.status_code == 409
    assert title(response).startswith("Error: ")
    assert error_summary(response) == [
        "Testshire District Council has already signed the declaration, or someone there is "
        "signing it now. An organisation can sign only once. If you think this is wrong, "
        "contact the Local Digital team at localdigital@communities.gov.uk."
    ]
    assert SignUp.objects.count() == 1
    assert mail.outbox == []


def test_filled_in_honeypot_at_check_answers_saves_nothing(
    client, organisation, django_capture_on_commit_callbacks
):
    answer_everything(client, organisation)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/sign/check-answers/", {"website": "http://spam.example"})

    assert response.status_code == 200
    assert "Check your email" in text(response)
    assert "Your reference" not in text(response)
    assert not SignUp.objects.exists()
    assert mail.outbox == []
