"""The officer's side of an expression of interest: the short form and its
errors, check your answers, sending; the expression and its outcome in "Your
bids"; and, once invited, starting the full bid from it."""

import pytest
from django.core import mail

from funding.models import Bid, Expression, ExpressionState
from tests.factories import RoundFactory, signed_council
from tests.funding.apply.journey import OFFICER, YOUR_BIDS, sign_in
from tests.funding.expressions import FEEDBACK, days, decide, eoi_round, send
from tests.govuk_pages import error_summary, text, title

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_():
    return eoi_round(name="Round 8", slug="round-8", reference_prefix="R8")


@pytest.fixture
def partners():
    return [
        signed_council(name="Otherton Borough Council"),
        signed_council(name="Northam City Council"),
    ]


def form_url(round_) -> str:
    return f"/fund/apply/{round_.slug}/expression/"


def answers(council, partners, **changes) -> dict:
    values = {
        "lead": council.slug,
        "title": "Shared pest control bookings",
        "problem": "Residents phone each council to book.\r\nThey wait days for a call back.",
        "partner_1": partners[0].slug,
        "partner_2": partners[1].slug,
        "partner_3": "",
        "phase": "discovery",
        "estimated_cost": "£60,000",
        "website": "",
    }
    values.update(changes)
    return values


def test_a_visitor_who_is_not_signed_in_is_asked_to_first(client, round_):
    response = client.get(form_url(round_))

    assert response.status_code == 302
    assert (
        response["Location"]
        == "/fund/apply/sign-in/?next=%2Ffund%2Fapply%2Fround-8%2Fexpression%2F"
    )


def test_the_form_asks_the_short_questions(officer, round_, council, partners):
    response = officer.get(form_url(round_))

    assert title(response) == "Express interest in bidding – Local Digital"
    page = text(response)
    for question in (
        "Which council is leading the project?",
        "Project name",
        "What problem will the project solve?",
        "Partner council 1",
        "Partner council 3 (optional)",
        "Which phase of work is it for?",
        "Estimated cost",
    ):
        assert question in page
    assert "Testshire County Council" in page
    assert "Up to £100,000" in page


def test_nothing_answered_shows_every_error_and_saves_nothing(officer, round_):
    response = officer.post(form_url(round_), {"website": ""})

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert error_summary(response) == [
        "Select the council that is leading the project",
        "Enter the name of the project",
        "Describe the problem the project will solve",
        "Choose at least 2 partner councils",
        "Select the phase of work the project is for",
        "Enter the estimated cost of the project, in pounds",
    ]
    assert not Expression.objects.exists()


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"estimated_cost": "sixty thousand"},
            "Enter the estimated cost in whole pounds, like 90000",
        ),
        ({"estimated_cost": "0"}, "Enter the estimated cost in whole pounds, like 90000"),
        (
            {"estimated_cost": "100001"},
            "Enter an estimated cost of £100,000 or less, the most a discovery project can ask for",
        ),
        ({"partner_2": ""}, "Choose at least 2 partner councils"),
        ({"partner_2": "no-such-council"}, "Select a council from the list"),
        ({"phase": "gamma"}, "Select one of the phases listed"),
        ({"title": "x" * 201}, "The project's name must be 200 characters or fewer"),
    ],
)
def test_bad_answers_are_refused_with_a_clear_message(
    officer, round_, council, partners, changes, message
):
    response = officer.post(form_url(round_), answers(council, partners, **changes))

    assert response.status_code == 200
    assert error_summary(response) == [message]
    assert not Expression.objects.exists()


def test_the_lead_cannot_be_its_own_partner(officer, round_, council, partners):
    response = officer.post(form_url(round_), answers(council, partners, partner_2=council.slug))

    assert error_summary(response) == ["Choose partner councils other than the lead council"]


def test_check_answers_then_send_gives_a_reference_and_an_email(
    officer, round_, council, partners, django_capture_on_commit_callbacks
):
    continued = officer.post(form_url(round_), answers(council, partners))
    assert continued["Location"] == "/fund/apply/round-8/expression/check-your-answers/"
    check = officer.get(continued["Location"])
    assert title(check) == "Check your expression of interest before sending it – Local Digital"
    page = text(check)
    assert "Project Shared pest control bookings" in page
    assert "Partner councils Otherton Borough Council Northam City Council" in page
    assert "Estimated cost £60,000" in page
    assert not Expression.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        sent = officer.post(continued["Location"])

    expression = Expression.objects.get()
    assert sent["Location"] == f"/fund/apply/expressions/{expression.pk}/sent/"
    assert "R8-EOI-0001" in text(officer.get(sent["Location"]))
    assert (
        expression.problem
        == "Residents phone each council to book.\nThey wait days for a call back."
    )
    assert expression.estimated_cost == 60_000
    assert [m.subject for m in mail.outbox] == [
        "Your expression of interest has been sent – reference R8-EOI-0001"
    ]
    assert mail.outbox[0].to == [OFFICER]


def test_a_filled_honeypot_saves_nothing(officer, round_, council, partners):
    response = officer.post(form_url(round_), answers(council, partners, website="spam"))

    assert response.status_code == 302
    assert officer.get("/fund/apply/round-8/expression/check-your-answers/").status_code == 302
    assert not Expression.objects.exists()


def test_a_round_not_taking_expressions_says_when_it_does(officer, council):
    later = eoi_round(
        slug="round-9", name="Round 9", expressions_open_at=days(3), expressions_close_at=days(9)
    )
    plain = RoundFactory(slug="round-10", name="Round 10")

    response = officer.get(form_url(later))
    assert title(response) == "Round 9 is not taking expressions of interest – Local Digital"
    assert "can be sent from" in text(response)
    assert "Round 10 has no expression of interest stage" in text(officer.get(form_url(plain)))
    refused = officer.post(form_url(later), {"lead": council.slug})
    assert "not taking expressions of interest" in text(refused)
    assert not Expression.objects.exists()


def test_your_bids_lists_the_expression_with_its_outcome(officer, round_, council):
    expression = send(round_, council, email=OFFICER)

    listed = text(officer.get(YOUR_BIDS))
    assert "Express interest in bidding to Round 8" in listed
    assert f"{expression.reference} {expression.title} Round 8 Sent" in listed

    decide(expression, invited=True)
    listed = text(officer.get(YOUR_BIDS))
    assert f"{expression.reference} {expression.title} Round 8 Invited to bid" in listed
    page = text(officer.get(f"/fund/apply/expressions/{expression.pk}/"))
    assert f"Our feedback {FEEDBACK}" in page
    assert "Start your full bid" in page


def test_another_councils_expression_is_not_found(officer, round_):
    other = send(round_)

    assert officer.get(f"/fund/apply/expressions/{other.pk}/").status_code == 404
    assert officer.post(f"/fund/apply/expressions/{other.pk}/start-bid/").status_code == 404


def test_start_your_full_bid_makes_the_draft_from_the_expression(officer, round_, council):
    expression = decide(send(round_, council, email=OFFICER), invited=True)

    response = officer.post(f"/fund/apply/expressions/{expression.pk}/start-bid/")

    bid = Bid.objects.get()
    assert response["Location"] == f"/fund/apply/bids/{bid.pk}/"
    assert bid.title == expression.title
    assert bid.amount == expression.estimated_cost
    page = text(officer.get(f"/fund/apply/expressions/{expression.pk}/"))
    assert "Carry on with the full bid" in page
    assert "Start your full bid" not in page


def test_a_declined_lead_is_told_it_cannot_bid(officer, round_, council):
    expression = decide(send(round_, council, email=OFFICER), invited=False)

    page = text(officer.get(f"/fund/apply/expressions/{expression.pk}/"))
    assert "Not invited to bid" in page
    assert "Start your full bid" not in page
    refused = officer.post(f"/fund/apply/expressions/{expression.pk}/start-bid/")
    assert title(refused) == "You cannot start this bid – Local Digital"
    assert (
        "Round 8 takes full bids only from councils invited after their expression of interest, "
        "and Testshire County Council has not been invited." in text(refused)
    )
    assert expression.state == ExpressionState.DECLINED
    assert not Bid.objects.exists()


def test_starting_a_bid_the_usual_way_is_refused_unless_invited(officer, round_, council):
    round_.min_partners = 0
    round_.save()

    refused = officer.post(f"/fund/apply/{round_.slug}/eligibility/", {"lead": council.slug})

    assert "has not been invited" in text(refused)
    assert not Bid.objects.exists()


def test_signing_in_again_returns_to_the_form(client, round_, council):
    sign_in(client, OFFICER, next_url=form_url(round_))
    assert client.get(form_url(round_)).status_code == 200
