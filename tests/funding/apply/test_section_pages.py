"""The pages of a bid's sections, as officers use them (Django's test client),
and the rules of funding.sections that decide each section's status.

Officers sign in by email link; here the address is put in the session, as
the link's button does (funding.officer_session.SESSION_KEY).
"""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from declaration.models import Principle, ServiceArea
from funding import sections, services
from funding.models import (
    Attachment,
    AttachmentKind,
    Bid,
    BidState,
    CostCategory,
    CostLine,
    Phase,
    Section,
)
from funding.officer_session import SESSION_KEY
from funding.section_forms import parse_pounds
from signatories.models import OrganisationType, SignUpState
from tests.factories import (
    BidFactory,
    OrganisationFactory,
    RoundFactory,
    SignUpFactory,
    decided_bid,
    signed_council,
)

pytestmark = pytest.mark.django_db

COMPLETED_MISSING = "Select whether you have completed this section"


# Helpers ---------------------------------------------------------------------


def officer_email(bid: Bid, name: str = "priya.shah") -> str:
    """An address at the lead council's domain: an officer of the lead."""
    return f"{name}@{bid.lead.domain_list[0]}"


def signed_in(email: str) -> Client:
    client = Client()
    session = client.session
    session[SESSION_KEY] = email
    session.save()
    return client


def new_draft(**round_fields) -> Bid:
    """A draft with nothing in it yet, started the way an officer starts one."""
    lead = signed_council()
    return services.bid_start(
        round_=RoundFactory(**round_fields), lead=lead, email=f"priya.shah@{lead.domain_list[0]}"
    )


def url(bid: Bid, section: str, query: str = "") -> str:
    return reverse("apply:section", kwargs={"pk": bid.pk, "section": section}) + query


def text(response) -> str:
    """The page's text as a person reads it: tags gone, spaces squeezed."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def error_summary(response) -> list[tuple[str, str]]:
    """The error summary's links: (text, the id it points to)."""
    body = response.content.decode()
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', body, flags=re.S)
    if not summary:
        return []
    return [
        (" ".join(unescape(message).split()), anchor)
        for anchor, message in re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary.group(0))
    ]


def fresh(bid: Bid) -> Bid:
    return Bid.objects.with_answers().get(pk=bid.pk)


def status(bid: Bid, section: str) -> sections.Status:
    return sections.status(fresh(bid), section)


@pytest.fixture
def draft() -> Bid:
    return new_draft()


@pytest.fixture
def client_of(draft):
    return signed_in(officer_email(draft))


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


# Phase and budget ------------------------------------------------------------


def budget_post(**values) -> dict:
    return {"phase": "discovery", "amount": "", "completed": "no", "action": "save", **values}


def test_only_the_rounds_phases_are_offered_each_with_its_cap():
    bid = new_draft(phases={Phase.DISCOVERY: 100_000, Phase.ALPHA: 180_000})
    page = text(signed_in(officer_email(bid)).get(url(bid, "budget")))

    assert "Discovery Up to £100,000" in page
    assert "Alpha Up to £180,000" in page
    assert "Beta Up to" not in page


def test_a_phase_the_round_does_not_fund_is_refused():
    bid = new_draft(phases={Phase.DISCOVERY: 100_000})
    response = signed_in(officer_email(bid)).post(url(bid, "budget"), budget_post(phase="beta"))

    assert error_summary(response) == [("Select a phase from the list", "phase")]


@pytest.mark.parametrize(
    "typed, saved",
    [("£1,200", 1200), (" 1 200 ", 1200), ("1200.00", 1200), ("0", 0), ("", None)],
)
def test_amounts_are_read_as_people_write_money(client_of, draft, typed, saved):
    response = client_of.post(url(draft, "budget"), budget_post(amount=typed))

    assert response.status_code == 302
    assert fresh(draft).amount == saved


@pytest.mark.parametrize(
    "typed, message",
    [
        ("12.50", "Enter the amount in whole pounds, without pence"),
        ("-5", "Amount must be £0 or more"),
        ("£-5", "Amount must be £0 or more"),
        (str(10**30), "Amount must be £100,000,000 or less"),
        ("1e9", "Enter the amount as a number of pounds, like 25000"),
        ("ten thousand", "Enter the amount as a number of pounds, like 25000"),
        ("١٢٣", "Enter the amount as a number of pounds, like 25000"),
    ],
)
def test_amounts_that_are_not_whole_pounds_are_refused(client_of, draft, typed, message):
    response = client_of.post(url(draft, "budget"), budget_post(amount=typed))

    assert error_summary(response) == [(message, "amount")]
    assert f'value="{typed}"' in response.content.decode()
    assert fresh(draft).amount is None
    # The phase, which was fine, is saved.
    assert fresh(draft).phase == "discovery"


def test_an_amount_over_the_phases_cap_is_refused_with_the_cap(client_of, draft):
    client_of.post(
        url(draft, "budget"),
        budget_post(
            action="add",
            cost_category="supplier",
            cost_description="Agency",
            cost_amount="150000",
        ),
    )

    response = client_of.post(url(draft, "budget"), budget_post(amount="150000", completed="yes"))

    assert error_summary(response) == [
        (
            "Enter an amount of no more than £100,000, the most this round gives for discovery",
            "amount",
        )
    ]
    assert fresh(draft).amount == 150_000
    assert status(draft, "budget") == sections.Status.IN_PROGRESS


def test_costs_are_added_listed_with_a_total_and_removed(client_of, draft):
    response = client_of.post(
        url(draft, "budget"),
        budget_post(
            amount="90,000",
            action="add",
            cost_category="lead",
            cost_description="Product manager",
            cost_amount="£50,000",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == url(draft, "budget") + "#cost-breakdown"
    page = client_of.get(response["Location"])
    words = text(page)
    assert "Cost added" in words
    assert "Lead council Product manager £50,000" in words
    assert "Total of the costs £50,000" in words
    assert "£40,000 less than the £90,000 you are asking for" in words
    # The amount typed before pressing "Add cost" was saved too.
    assert fresh(draft).amount == 90_000

    line = CostLine.objects.get(bid=draft)
    # A Remove button sends its own name and value, and no "action".
    response = client_of.post(
        url(draft, "budget"), {"phase": "discovery", "amount": "90000", "remove": line.pk}
    )

    assert response.status_code == 302
    assert not CostLine.objects.filter(bid=draft).exists()
    assert "Cost removed" in text(client_of.get(response["Location"]))


def test_costs_must_add_up_to_the_amount_to_complete_the_section(client_of, draft):
    client_of.post(
        url(draft, "budget"),
        budget_post(
            amount="90000",
            action="add",
            cost_category="supplier",
            cost_description="Research agency",
            cost_amount="60000",
        ),
    )

    response = client_of.post(url(draft, "budget"), budget_post(amount="90000", completed="yes"))

    assert error_summary(response) == [
        (
            "Make the costs add up to the amount you are asking for: they come to £60,000, "
            "and you are asking for £90,000",
            "cost_lines",
        )
    ]
    assert 'id="cost_lines"' in response.content.decode()

    response = client_of.post(
        url(draft, "budget"),
        budget_post(
            amount="90000",
            completed="yes",
            cost_category="partner",
            cost_description="Partner researchers",
            cost_amount="30000",
        ),
    )

    # The cost typed in with "Save and continue" was added, and the section is complete.
    assert response.status_code == 302
    assert response["Location"] == reverse("apply:bid", kwargs={"pk": draft.pk})
    assert status(draft, "budget") == sections.Status.COMPLETED
    assert [line.category for line in fresh(draft).cost_lines.all()] == [
        CostCategory.SUPPLIER,
        CostCategory.PARTNER,
    ]


def test_a_cost_with_missing_or_wrong_parts_is_not_added(client_of, draft):
    response = client_of.post(
        url(draft, "budget"),
        budget_post(action="add", cost_description="D" * 201, cost_amount="12.34"),
    )

    assert error_summary(response) == [
        ("Select who the cost is for", "cost_category"),
        ("The description must be 200 characters or fewer", "cost_description"),
        ("Enter the cost in whole pounds, without pence", "cost_amount"),
    ]
    assert not CostLine.objects.filter(bid=draft).exists()

    response = client_of.post(url(draft, "budget"), budget_post(action="add"))

    assert [message for message, _ in error_summary(response)] == [
        "Select who the cost is for",
        "Enter a description of the cost",
        "Enter the cost in pounds",
    ]


def test_pressing_enter_saves_and_stays_on_the_page(client_of, draft):
    page = client_of.get(url(draft, "budget")).content.decode()
    # The budget's form (after the sign-out button's, at the top of the page).
    form = page[page.rindex("<form", 0, page.index('name="amount"')) :]
    # The first button in the form is the hidden one that Enter presses.
    first_button = re.search(r"<button[^>]*>", form).group(0)
    assert 'value="update"' in first_button and 'tabindex="-1"' in first_button

    response = client_of.post(url(draft, "budget"), budget_post(action="update", amount="5000"))

    assert response["Location"] == url(draft, "budget") + "#cost-breakdown"
    assert fresh(draft).amount == 5000


def test_the_buttons_besides_save_do_not_ask_the_question(client_of, draft):
    response = client_of.post(
        url(draft, "budget"), {"action": "update", "amount": "5000", "phase": ""}
    )

    assert response.status_code == 302


def test_adding_a_cost_with_yes_still_checked_does_not_complain_of_the_rest(client):
    bid = BidFactory()
    client = signed_in(officer_email(bid))
    page = client.get(url(bid, "budget")).content.decode()
    assert re.search(r'value="yes"\s+checked', page)

    response = client.post(
        url(bid, "budget"),
        budget_post(
            amount="90000",
            completed="yes",
            action="add",
            cost_category="supplier",
            cost_description="Hosting",
            cost_amount="500",
        ),
    )

    # Adding a cost is not saying the section is complete: no errors, back to the costs.
    assert response["Location"] == url(bid, "budget") + "#cost-breakdown"
    assert status(bid, "budget") == sections.Status.IN_PROGRESS
    assert "£500 more than the £90,000 you are asking for" in text(client.get(response["Location"]))


def test_removing_a_cost_of_another_bid_does_nothing(client_of, draft):
    other = BidFactory()
    line = other.cost_lines.first()

    client_of.post(url(draft, "budget"), budget_post(remove=line.pk))

    assert CostLine.objects.filter(pk=line.pk).exists()


# Partners --------------------------------------------------------------------


def partners_page(client, bid):
    return client.get(url(bid, "partners"))


def test_the_partners_page_says_the_minimum_and_offers_only_signed_councils(client_of, draft):
    signed = signed_council(name="Alphaton Borough Council")
    unsigned = SignUpFactory(
        state=SignUpState.AWAITING_REVIEW,
        organisation=OrganisationFactory(name="Betaville District Council"),
    ).organisation
    charity = signed_council(
        name="Gamma Housing Charity", organisation_type=OrganisationType.CHARITY
    )

    response = partners_page(client_of, draft)
    page = text(response)

    assert "needs at least 2 partner councils besides" in page
    options = re.findall(r'<option value="(\d+)"', response.content.decode())
    assert str(signed.pk) in options
    assert str(unsigned.pk) not in options
    assert str(charity.pk) not in options
    assert str(draft.lead.pk) not in options
    assert "You have not added any partner councils yet." in page


def test_partners_are_added_listed_and_removed(client_of, draft):
    first, second = signed_council(), signed_council()

    response = client_of.post(url(draft, "partners"), {"action": "add", "partner": first.pk})

    assert response.status_code == 302
    assert response["Location"] == url(draft, "partners") + "#partners-added"
    page = partners_page(client_of, draft)
    assert f"{first.name} added as a partner council" in text(page)
    assert f"Remove {first.name}" in text(page)
    # A council already added is not offered again.
    assert f'<option value="{first.pk}"' not in page.content.decode()

    client_of.post(url(draft, "partners"), {"action": "add", "partner": second.pk})
    assert set(fresh(draft).partners.all()) == {first, second}

    response = client_of.post(url(draft, "partners"), {"action": "remove", "partner": first.pk})

    assert response.status_code == 302
    assert list(fresh(draft).partners.all()) == [second]
    assert f"{first.name} is no longer a partner of this bid" in text(
        partners_page(client_of, draft)
    )


def test_fewer_partners_than_the_minimum_cannot_be_complete(client_of, draft):
    client_of.post(url(draft, "partners"), {"action": "add", "partner": signed_council().pk})

    response = client_of.post(url(draft, "partners"), {"completed": "yes", "action": "save"})

    assert error_summary(response) == [("Add at least 2 partner councils", "partner")]
    assert 'id="partner-error"' in response.content.decode()
    assert status(draft, "partners") == sections.Status.IN_PROGRESS

    client_of.post(url(draft, "partners"), {"action": "add", "partner": signed_council().pk})
    response = client_of.post(url(draft, "partners"), {"completed": "yes", "action": "save"})

    assert response.status_code == 302
    assert status(draft, "partners") == sections.Status.COMPLETED


def test_the_lead_cannot_be_its_own_partner(client_of, draft):
    response = client_of.post(url(draft, "partners"), {"action": "add", "partner": draft.lead.pk})

    assert error_summary(response) == [
        ("Choose a partner council other than the lead council", "partner")
    ]
    assert not fresh(draft).partners.exists()


@pytest.mark.parametrize("kind", ["not signed", "not a council", "unknown"])
def test_only_signed_councils_can_be_partners(client_of, draft, kind):
    if kind == "not signed":
        partner_id = SignUpFactory(state=SignUpState.AWAITING_REVIEW).organisation.pk
        message = "Choose a council that has signed the Local Digital Declaration"
    elif kind == "not a council":
        partner_id = signed_council(organisation_type=OrganisationType.CHARITY).pk
        message = "Choose a council that has signed the Local Digital Declaration"
    else:
        partner_id = 10**30
        message = "Select a council from the list"

    response = client_of.post(url(draft, "partners"), {"action": "add", "partner": partner_id})

    assert error_summary(response) == [(message, "partner")]
    assert not fresh(draft).partners.exists()


def test_choosing_no_council_asks_for_one(client_of, draft):
    response = client_of.post(url(draft, "partners"), {"action": "add", "partner": ""})

    assert error_summary(response) == [("Select a partner council", "partner")]


def test_a_partner_that_is_no_longer_signed_is_marked(client_of):
    bid = BidFactory()
    partner = bid.partners.first()
    partner.sign_ups.update(state=SignUpState.REMOVED)
    client = signed_in(officer_email(bid))

    page = text(partners_page(client, bid))

    assert "Not a signed council" in page


# Queries ---------------------------------------------------------------------


def _grow(bid: Bid, size: int) -> None:
    """Give the bid `size` partners, cost lines, attachments and principles."""
    bid.partners.set([signed_council() for _ in range(size)])
    for number in range(size):
        CostLine.objects.create(
            bid=bid, category=CostCategory.LEAD, description=f"Cost {number}", amount=100
        )
        Attachment.objects.create(
            bid=bid,
            token=f"token-{bid.pk}-{number}",
            file=f"bids/{bid.pk}/token-{number}",
            original_name=f"Letter {number}.pdf",
            kind=AttachmentKind.PDF,
            size=1000,
            uploaded_by_email=bid.created_by_email,
        )
    bid.principles.set(Principle.objects.all()[:size])
    for _ in range(size):
        signed_council()


# The session, whom the officer's address belongs to, the bid with everything
# its sections hold (seven), and what the page offers to choose from.
QUERIES = {
    "project": 10,  # the service areas
    "problem": 9,
    "partners": 10,  # the councils that could join
    "budget": 9,
    "delivery": 9,
    "principles": 10,  # the principles
    "attachments": 9,
    "declarations": 9,
}


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize("section", Section.values)
def test_each_section_page_runs_the_same_queries_whatever_the_bid_holds(
    section, size, django_assert_num_queries
):
    bid = new_draft()
    _grow(bid, size)
    client = signed_in(officer_email(bid))

    with django_assert_num_queries(QUERIES[section]):
        response = client.get(url(bid, section))

    assert response.status_code == 200


# The rules of funding.sections ----------------------------------------------


def test_a_new_bid_has_every_section_not_started():
    bid = fresh(new_draft())

    assert set(sections.statuses(bid).values()) == {sections.Status.NOT_STARTED}
    assert sections.check_and_submit_status(bid) == sections.Status.CANNOT_START


def test_a_complete_bid_is_ready_to_submit():
    bid = fresh(BidFactory())

    assert set(sections.statuses(bid).values()) == {sections.Status.COMPLETED}
    assert sections.ready_to_submit(bid)
    assert sections.incomplete_sections(bid) == []


def test_a_section_marked_complete_reopens_when_its_answers_stop_being_complete():
    bid = BidFactory()
    bid.cost_lines.first().delete()

    bid = fresh(bid)

    assert sections.status(bid, "budget") == sections.Status.IN_PROGRESS
    assert sections.incomplete_sections(bid) == ["Phase and budget"]
    assert not sections.ready_to_submit(bid)


def test_a_partner_whose_signature_is_removed_reopens_partners():
    bid = BidFactory()
    partner = bid.partners.first()
    partner.sign_ups.update(state=SignUpState.REMOVED)

    found = sections.problems(fresh(bid), "partners")

    assert found[0].field == "partners"
    assert partner.name in found[0].message


def test_attachments_are_optional():
    bid = fresh(new_draft())

    assert sections.problems(bid, "attachments") == []


def test_budget_problems_name_the_cap_and_the_missing_costs():
    bid = BidFactory(amount=None)
    bid.cost_lines.all().delete()
    Bid.objects.filter(pk=bid.pk).update(phase=Phase.BETA, amount=400_000)

    found = sections.problems(fresh(bid), "budget")

    assert [problem.field for problem in found] == ["amount", "cost_lines"]
    assert "£350,000" in found[0].message


def test_an_unknown_section_is_a_programming_error():
    with pytest.raises(ValueError):
        sections.problems(fresh(BidFactory()), "nonsense")


def test_service_areas_exist_for_the_project_section():
    assert ServiceArea.objects.filter(slug="public-health").exists()


@pytest.mark.parametrize(
    "typed, pounds",
    [("£25,000", 25000), ("GBP 10", 10), ("-0", 0), ("7.0", 7), ("  ", None)],
)
def test_parse_pounds(typed, pounds):
    assert parse_pounds(typed, noun="amount") == pounds
