"""Who may open a bid's section pages, and how their answers are saved and
marked complete (Django's test client)."""

import re

import pytest
from django.urls import reverse

from funding import sections
from funding.models import (
    BidState,
    CostLine,
    Section,
)
from tests.factories import (
    decided_bid,
    signed_council,
)
from tests.funding.apply.sections import (
    error_summary,
    fresh,
    officer_email,
    signed_in,
    status,
    text,
    url,
)

pytestmark = pytest.mark.django_db

COMPLETED_MISSING = "Select whether you have completed this section"


# Who may open a section ------------------------------------------------------


def test_a_visitor_who_is_not_signed_in_is_asked_to_sign_in(client, draft):
    response = client.get(url(draft, "project"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("apply:sign-in") + "?next=")


def test_an_officer_of_another_council_cannot_see_or_change_the_bid(draft):
    other = signed_council()
    stranger = signed_in(f"someone@{other.domain_list[0]}")

    assert stranger.get(url(draft, "project")).status_code == 404
    response = stranger.post(url(draft, "project"), {"title": "Hijacked", "completed": "no"})

    assert response.status_code == 404
    assert fresh(draft).title == ""


def test_an_unknown_section_or_bid_is_not_found(client_of, draft):
    assert client_of.get(url(draft, "secrets")).status_code == 404
    assert client_of.get(f"/fund/apply/bids/{draft.pk + 1000}/project/").status_code == 404
    assert client_of.get(f"/fund/apply/bids/{10**30}/project/").status_code == 404


def test_every_section_page_opens_with_its_heading_caption_and_question(client_of, draft):
    for section in Section:
        response = client_of.get(url(draft, section.value))

        page = text(response)
        assert response.status_code == 200, section
        assert f'<h1 class="govuk-heading-l">{section.label}</h1>' in response.content.decode()
        assert f"Untitled bid, led by {draft.lead.name}" in page
        assert "Have you completed this section?" in page
        assert "Yes, I’ve completed this section" in page
        assert "No, I’ll come back later" in page
        assert "Save and continue" in page
        assert reverse("apply:bid", kwargs={"pk": draft.pk}) in response.content.decode()
        assert response["Cache-Control"].startswith("max-age=0")


# Saving and returning --------------------------------------------------------

# What an officer types in each one-form section, and what the page shows again.
PARTIAL_ANSWERS = {
    "project": ({"title": "Shared pest control bookings"}, ["Shared pest control bookings"]),
    "problem": ({"problem": "Residents phone to book."}, ["Residents phone to book."]),
    "delivery": ({"team": "A product manager and a researcher."}, ["A product manager"]),
    "principles": (
        {"principles": ["2"], "principles_how": ""},
        ['value="2" checked'],
    ),
    "declarations": (
        {"sponsor_name": "Alex Morgan", "sponsor_email": "alex.morgan@example.gov.uk"},
        ['value="Alex Morgan"', 'value="alex.morgan@example.gov.uk"'],
    ),
}


@pytest.mark.parametrize("section", list(PARTIAL_ANSWERS))
def test_a_half_done_section_is_saved_and_a_colleague_can_carry_on(section, draft):
    values, shown = PARTIAL_ANSWERS[section]
    first = signed_in(officer_email(draft))

    response = first.post(url(draft, section), {**values, "completed": "no"})

    assert response.status_code == 302
    assert response["Location"] == reverse("apply:bid", kwargs={"pk": draft.pk})
    assert status(draft, section) == sections.Status.IN_PROGRESS
    # Another officer of the same council, on another computer, signs in later.
    colleague = signed_in(officer_email(draft, "sam.jones"))
    page = colleague.get(url(draft, section)).content.decode()
    for fragment in shown:
        assert fragment in page
    assert re.search(r'value="no"\s+checked', page)

    response = colleague.post(url(draft, section), {**values, "completed": "no"})

    assert response.status_code == 302


def test_the_colleague_edits_what_the_first_officer_saved(draft):
    signed_in(officer_email(draft)).post(
        url(draft, "project"), {"title": "First go", "completed": "no"}
    )
    colleague = signed_in(officer_email(draft, "sam.jones"))

    colleague.post(url(draft, "project"), {"title": "Second go", "completed": "no"})

    assert fresh(draft).title == "Second go"
    assert "Second go, led by" in text(colleague.get(url(draft, "problem")))


def test_saying_it_is_complete_with_answers_missing_shows_what_to_do(client_of, draft):
    response = client_of.post(url(draft, "project"), {"title": "Pest control", "completed": "yes"})

    assert response.status_code == 200
    assert "<title>Error: Project summary" in response.content.decode()
    assert error_summary(response) == [
        ("Enter a summary of the project", "summary"),
        ("Select the service area", "service_area"),
    ]
    # The answer given is saved all the same, and kept on the page.
    assert 'value="Pest control"' in response.content.decode()
    assert fresh(draft).title == "Pest control"
    assert status(draft, "project") == sections.Status.IN_PROGRESS
    task_list = text(client_of.get(reverse("apply:bid", kwargs={"pk": draft.pk})))
    assert "Project summary In progress" in task_list


def test_not_answering_the_question_is_an_error_but_the_answers_are_saved(client_of, draft):
    response = client_of.post(url(draft, "problem"), {"problem": "Paper forms."})

    assert response.status_code == 200
    assert error_summary(response) == [(COMPLETED_MISSING, "completed")]
    assert fresh(draft).problem == "Paper forms."
    assert "Paper forms." in text(response)


def test_a_complete_section_is_marked_completed(client_of, draft):
    response = client_of.post(
        url(draft, "project"),
        {
            "title": "  Pest control bookings  ",
            "summary": "Residents book pest control online.",
            "service_area": "environmental-health-and-trading-standards",
            "completed": "yes",
        },
    )

    assert response.status_code == 302
    bid = fresh(draft)
    assert bid.title == "Pest control bookings"
    assert bid.service_area.slug == "environmental-health-and-trading-standards"
    assert status(draft, "project") == sections.Status.COMPLETED
    page = client_of.get(url(draft, "project")).content.decode()
    assert re.search(r'value="yes"\s+checked', page)


def test_format_errors_are_shown_and_the_other_answers_saved(client_of, draft):
    response = client_of.post(
        url(draft, "project"),
        {
            "title": "T" * 201,
            "summary": "A fine summary.",
            "service_area": "not-a-service-area",
            "completed": "yes",
        },
    )

    assert response.status_code == 200
    assert error_summary(response) == [
        ("The title must be 200 characters or fewer", "title"),
        ("Select a service area from the list", "service_area"),
    ]
    # What was typed stays on the page; what passed its checks is saved.
    assert "T" * 201 in response.content.decode()
    bid = fresh(draft)
    assert bid.summary == "A fine summary."
    assert bid.title == ""
    # "Yes" does not count while an answer was refused.
    assert "project" not in bid.completed_sections


def test_returning_to_check_your_answers_is_kept_through_the_post(client_of, draft):
    page = client_of.get(url(draft, "problem", "?return=check")).content.decode()

    assert f'action="{url(draft, "problem")}?return=check"' in page
    assert reverse("apply:check-answers", kwargs={"pk": draft.pk}) in page

    response = client_of.post(
        url(draft, "problem", "?return=check"), {"problem": "Paper.", "completed": "no"}
    )

    assert response["Location"] == reverse("apply:check-answers", kwargs={"pk": draft.pk})


def test_a_post_with_the_honeypot_filled_saves_nothing(client_of, draft):
    response = client_of.post(
        url(draft, "project"), {"title": "Buy pills", "website": "spam", "completed": "no"}
    )

    assert response.status_code == 302
    assert fresh(draft).title == ""


@pytest.mark.parametrize("state", [BidState.SUBMITTED, BidState.FUNDED, BidState.WITHDRAWN])
def test_a_bid_that_has_left_the_draft_state_cannot_be_changed(state):
    bid = decided_bid(state=state)
    client = signed_in(officer_email(bid))
    words = "withdrawn" if state == BidState.WITHDRAWN else "submitted"

    page = client.get(url(bid, "project"))

    assert page.status_code == 200
    assert f"This bid has been {words} and can no longer be changed" in text(page)
    assert "Save and continue" not in text(page)

    response = client.post(url(bid, "project"), {"title": "Changed", "completed": "yes"})

    assert response.status_code == 409
    assert fresh(bid).title != "Changed"
    assert client.post(url(bid, "budget"), {"remove": "1"}).status_code == 409
    assert CostLine.objects.filter(bid=bid).count() == 2


def test_hostile_values_give_a_page_not_a_server_error(client_of, draft):
    posts = {
        "project": {"title": "a\x00b", "service_area": "\x00", "completed": "\x00"},
        "principles": {"principles": ["one", "-1", "1,2"], "completed": ["yes", "no"]},
        "declarations": {"sponsor_email": "a\r\nBcc: x@example.com", "open_licence": "false"},
        "budget": {"amount": "1e9", "phase": "gamma", "remove": str(10**30)},
        "partners": {"action": "add", "partner": str(10**30)},
        "attachments": {"action": "remove", "attachment": "../../etc/passwd"},
    }
    for section, data in posts.items():
        response = client_of.post(url(draft, section), data)

        assert response.status_code in (200, 302), section
    assert fresh(draft).title == "ab"
