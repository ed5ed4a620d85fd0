"""The project summary's character count, the declarations and the principles
of a bid's sections."""

import pytest

from declaration.models import Principle
from funding import sections
from tests.funding.apply.sections import (
    error_summary,
    fresh,
    status,
    text,
    url,
)

pytestmark = pytest.mark.django_db


def test_the_summary_has_a_character_count_and_a_limit(client_of, draft):
    page = client_of.get(url(draft, "project")).content.decode()
    assert 'data-module="govuk-character-count"' in page
    assert 'data-maxlength="1000"' in page

    response = client_of.post(url(draft, "project"), {"summary": "x" * 1001, "completed": "no"})

    assert error_summary(response) == [("The summary must be 1000 characters or fewer", "summary")]
    assert fresh(draft).summary == ""


def test_line_breaks_count_as_one_character_as_the_character_count_shows(client_of, draft):
    summary = ("x" * 99 + "\r\n") * 10

    response = client_of.post(url(draft, "project"), {"summary": summary, "completed": "no"})

    assert response.status_code == 302
    assert fresh(draft).summary == summary.replace("\r\n", "\n").strip()


def test_a_summary_of_two_paragraphs_is_not_complete(client_of, draft):
    response = client_of.post(
        url(draft, "project"),
        {
            "title": "Pest control",
            "summary": "One.\r\n\r\nTwo.",
            "service_area": "public-health",
            "completed": "yes",
        },
    )

    assert error_summary(response) == [("Write the summary as one paragraph", "summary")]


def test_declarations_check_the_email_address_and_save_the_licence(client_of, draft):
    response = client_of.post(
        url(draft, "declarations"),
        {
            "open_licence": "yes",
            "sponsor_name": "Alex Morgan",
            "sponsor_role": "Director of Place",
            "sponsor_email": "not an address",
            "completed": "yes",
        },
    )

    assert error_summary(response) == [
        (
            "Enter an email address in the correct format, like name@example.gov.uk",
            "sponsor_email",
        )
    ]
    bid = fresh(draft)
    assert bid.open_licence is True
    assert bid.sponsor_role == "Director of Place"

    response = client_of.post(
        url(draft, "declarations"),
        {
            "open_licence": "yes",
            "sponsor_name": "Alex Morgan",
            "sponsor_role": "Director of Place",
            "sponsor_email": "alex.morgan@testshire.gov.uk",
            "completed": "yes",
        },
    )

    assert response.status_code == 302
    assert status(draft, "declarations") == sections.Status.COMPLETED


def test_the_open_licence_must_be_confirmed_to_complete_declarations(client_of, draft):
    response = client_of.post(
        url(draft, "declarations"),
        {
            "sponsor_name": "Alex Morgan",
            "sponsor_role": "Director",
            "sponsor_email": "alex@example.gov.uk",
            "completed": "yes",
        },
    )

    assert error_summary(response) == [
        (
            "Confirm that the project's outputs will be published under an open licence",
            "open_licence",
        )
    ]


def test_principles_are_chosen_by_number_and_unknown_ones_refused(client_of, draft):
    response = client_of.post(
        url(draft, "principles"),
        {"principles": ["1", "4"], "principles_how": "By working in the open.", "completed": "yes"},
    )

    assert response.status_code == 302
    assert sorted(p.number for p in fresh(draft).principles.all()) == [1, 4]

    response = client_of.post(
        url(draft, "principles"), {"principles": ["9", str(10**30)], "completed": "no"}
    )

    assert error_summary(response) == [("Select principles from the list", "principles")]
    assert sorted(p.number for p in fresh(draft).principles.all()) == [1, 4]


def test_the_principles_page_lists_all_five_by_number_and_title(client_of, draft):
    page = text(client_of.get(url(draft, "principles")))

    for principle in Principle.objects.all():
        assert f"{principle.number}. {principle.title}" in page
