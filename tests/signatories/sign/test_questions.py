"""The sign-up journey as an officer goes through it, page by page (Django's test client)."""

import re

import pytest

from signatories.models import (
    SignUp,
    SignUpState,
)
from tests.factories import OrganisationFactory, SignUpFactory
from tests.govuk_pages import error_summary, text, title
from tests.signatories.sign.sign_up_journey import (
    ANSWERS,
    QUESTION_PAGES,
    answer_everything,
    choose_organisation,
)

pytestmark = pytest.mark.django_db


def test_start_page_says_who_can_sign_and_that_suppliers_cannot(client):
    response = client.get("/sign/")

    assert response.status_code == 200
    page = text(response)
    assert "Sign the Local Digital Declaration" in page
    assert "Suppliers cannot sign the declaration" in page
    assert 'href="/sign/organisation/"' in response.content.decode()


def test_declaration_page_offers_to_sign(client):
    response = client.get("/declaration/")

    assert re.search(
        r'<a href="/sign/"[^>]*class="govuk-button"[^>]*>Sign the declaration',
        response.content.decode(),
    )


@pytest.mark.parametrize(("path", "heading", "messages"), QUESTION_PAGES)
def test_question_page_shows_its_question(client, organisation, path, heading, messages):
    choose_organisation(client, organisation)

    response = client.get(path)

    assert response.status_code == 200
    assert heading in text(response)
    assert title(response).startswith(heading)
    assert "novalidate" in response.content.decode()


@pytest.mark.parametrize(("path", "heading", "messages"), QUESTION_PAGES)
def test_question_page_sent_empty_explains_each_problem(client, path, heading, messages):
    response = client.post(path, {})

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert error_summary(response) == messages
    assert "There is a problem" in text(response)
    for message in messages:
        # Beside the field too, where a screen reader announces it as an error.
        assert f"Error: {message}" in text(response)


def test_error_summary_links_to_each_field(client):
    response = client.post("/sign/your-details/", {})

    html = response.content.decode()
    for field in ("officer_name", "officer_job_title", "officer_email"):
        assert f'href="#{field}"' in html
        assert f'id="{field}"' in html


def test_answers_are_kept_when_the_page_has_an_error(client):
    response = client.post(
        "/sign/your-details/",
        {"officer_name": "Priya Shah", "officer_job_title": "", "officer_email": "priya@"},
    )

    html = response.content.decode()
    assert 'value="Priya Shah"' in html
    assert 'value="priya@"' in html
    assert error_summary(response) == [
        "Enter your job title",
        "Enter an email address in the correct format, like name@example.gov.uk",
    ]


def test_answers_are_kept_between_pages(client, organisation):
    answer_everything(client, organisation)

    response = client.get("/sign/your-details/")

    assert 'value="Priya Shah"' in response.content.decode()
    principles = client.get("/sign/principles/").content.decode()
    assert re.search(r'value="1"\s+checked', principles)
    assert re.search(r'value="3"\s+checked', principles)
    assert not re.search(r'value="2"\s+checked', principles)


def test_spaces_around_answers_are_trimmed_not_refused(client, organisation):
    choose_organisation(client, organisation)

    response = client.post(
        "/sign/your-details/",
        {
            "officer_name": "  Priya Shah ",
            "officer_job_title": "\tHead of Digital  ",
            "officer_email": "  priya.shah@testshire.gov.uk  ",
        },
    )

    assert response.status_code == 302
    page = client.get("/sign/your-details/").content.decode()
    assert 'value="Priya Shah"' in page
    assert 'value="priya.shah@testshire.gov.uk"' in page


@pytest.mark.parametrize("email", ["priya", "priya@", "@testshire.gov.uk", "priya shah@x.gov.uk"])
def test_an_email_address_must_look_like_one(client, email):
    response = client.post(
        "/sign/your-details/",
        {"officer_name": "Priya", "officer_job_title": "Head", "officer_email": email},
    )

    assert error_summary(response) == [
        "Enter an email address in the correct format, like name@example.gov.uk"
    ]


def test_senior_approver_must_be_someone_else(client, organisation):
    answer_everything(client, organisation)

    response = client.post(
        "/sign/senior-approver/",
        {**ANSWERS["/sign/senior-approver/"], "approver_email": "Priya.Shah@testshire.gov.uk"},
    )

    assert error_summary(response) == ["Enter the senior approver’s own email address, not yours"]


def test_organisation_can_be_found_by_search_without_javascript(client, organisation):
    OrganisationFactory(name="Otherton Borough Council")

    response = client.get("/sign/organisation/", {"q": " testshire "})

    page = text(response)
    assert "Organisations matching ‘testshire’" in page
    assert "Testshire District Council" in page
    assert "Otherton Borough Council" not in page
    assert "My organisation is not listed" in page
    assert f'type="radio" value="{organisation.pk}"' in response.content.decode()


def test_search_that_finds_nothing_says_so(client, organisation):
    response = client.get("/sign/organisation/", {"q": "Nowhere"})

    assert "No organisations on our list match ‘Nowhere’" in text(response)


def test_organisation_list_leaves_out_abolished_organisations(client, organisation):
    OrganisationFactory(name="Oldshire County Council", end_date="2020-03-31")

    response = client.get("/sign/organisation/")

    assert "Testshire District Council" in text(response)
    assert "Oldshire County Council" not in text(response)


def test_organisation_already_signing_is_explained_without_saying_who(client, organisation):
    SignUpFactory(organisation=organisation, state=SignUpState.AWAITING_REVIEW)

    response = choose_organisation(client, organisation)

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    page = text(response)
    assert (
        "Testshire District Council has already signed the declaration, or someone there is signing it now"
        in page
    )
    assert "contact the Local Digital team" in page
    assert "Priya" not in page and "Tom Evans" not in page
    assert SignUp.objects.count() == 1


def test_organisation_that_signed_before_and_was_rejected_can_sign_again(client, organisation):
    SignUpFactory(organisation=organisation, state=SignUpState.REJECTED)

    response = choose_organisation(client, organisation)

    assert response.status_code == 302
    assert response["Location"] == "/sign/your-details/"


def test_not_listed_option_after_a_search_leads_to_the_organisation_form(client):
    response = client.post("/sign/organisation/", {"q": "Nowhere", "organisation": "not-listed"})

    assert response["Location"] == "/sign/organisation/not-listed/"


def test_organisation_typed_in_must_not_already_be_on_the_list(client, organisation):
    response = client.post(
        "/sign/organisation/not-listed/",
        {"name": "testshire district council", "organisation_type": "charity"},
    )

    assert error_summary(response) == [
        "testshire district council is already on our list: go back and search for it"
    ]


def test_filled_in_honeypot_on_a_question_page_keeps_nothing(client, organisation):
    choose_organisation(client, organisation)

    response = client.post(
        "/sign/your-details/", {**ANSWERS["/sign/your-details/"], "website": "spam"}
    )

    assert response["Location"] == "/sign/senior-approver/"
    assert 'value="Priya Shah"' not in client.get("/sign/your-details/").content.decode()


def test_honeypot_is_hidden_from_people(client):
    html = client.get("/sign/your-details/").content.decode()

    honeypot = re.search(
        r'<div class="govuk-visually-hidden" aria-hidden="true">.*?</div>', html, re.S
    )
    assert honeypot
    assert 'tabindex="-1"' in honeypot[0] and 'autocomplete="off"' in honeypot[0]
