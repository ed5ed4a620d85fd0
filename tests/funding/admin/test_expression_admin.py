"""Expressions of interest in Django admin: a round's dates for the stage,
checked with clear errors; the list with its filters and search; an
expression's answers and history; Invite and Decline as buttons that need
feedback and email the lead's officer."""

import re

import pytest
from django.core import mail

from funding.models import ExpressionState, Round
from tests.admin_pages import page_text
from tests.factories import RoundFactory, signed_council
from tests.funding.admin.fund_admin import ROUNDS
from tests.funding.expressions import FEEDBACK, decide, eoi_round, into_the_past, officer_of, send
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

EXPRESSIONS = "/admin/funding/expression/"


def round_form(fund, **overrides) -> dict:
    data = {
        "fund": fund.pk,
        "name": "Round 9",
        "slug": "round-with-expressions",
        "reference_prefix": "R9",
        "summary": "Discovery and alpha projects.",
        "opens_at_0": "2030-01-06",
        "opens_at_1": "09:00:00",
        "closes_at_0": "2030-02-20",
        "closes_at_1": "12:00:00",
        "expressions_open_at_0": "2029-11-02",
        "expressions_open_at_1": "09:00:00",
        "expressions_close_at_0": "2029-12-01",
        "expressions_close_at_1": "12:00:00",
        "min_partners": "2",
        "max_bids_per_lead": "2",
        "min_assessors": "2",
        "score_min": "0",
        "score_max": "4",
        "phases-TOTAL_FORMS": "0",
        "phases-INITIAL_FORMS": "0",
        "criteria-TOTAL_FORMS": "0",
        "criteria-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def field_errors(response) -> list[str]:
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", item).strip()
        for item in re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    ]


def test_a_content_editor_gives_a_round_an_expression_stage(client, content_editor):
    sign_in_staff(client, content_editor)

    response = client.post(f"{ROUNDS}add/", round_form(RoundFactory().fund))

    assert response.status_code == 302
    round_ = Round.objects.get(slug="round-with-expressions")
    assert round_.has_expression_stage
    assert round_.expressions_close_at < round_.closes_at


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"expressions_close_at_0": "", "expressions_close_at_1": ""},
            "Enter both dates of the expression of interest stage, or neither.",
        ),
        (
            {"expressions_close_at_0": "2029-10-01"},
            "Expressions of interest must close after they open.",
        ),
        (
            {"expressions_close_at_0": "2030-02-21"},
            "Expressions of interest must close before the round closes for bids.",
        ),
    ],
)
def test_expression_dates_that_do_not_fit_are_refused_beside_the_field(
    client, content_editor, changes, message
):
    sign_in_staff(client, content_editor)

    fund = RoundFactory().fund
    rounds_before = Round.objects.count()

    response = client.post(f"{ROUNDS}add/", round_form(fund, **changes))

    assert response.status_code == 200
    assert message in field_errors(response)
    # Nothing saved (counted: the factory's own round may be named "round-9" too).
    assert Round.objects.count() == rounds_before


def test_decisions_are_not_published_while_an_expression_waits(client, content_editor):
    sign_in_staff(client, content_editor)
    round_ = eoi_round()
    send(round_)
    into_the_past(round_, published=False)

    response = client.post(
        f"{ROUNDS}{round_.pk}/change/",
        round_form(
            round_.fund,
            name=round_.name,
            slug=round_.slug,
            reference_prefix=round_.reference_prefix,
            opens_at_0="2020-01-06",
            closes_at_0="2020-02-20",
            expressions_open_at_0="2019-11-02",
            expressions_close_at_0="2019-12-01",
            results_published="on",
            **{"phases-INITIAL_FORMS": "0", "criteria-INITIAL_FORMS": "0"},
        ),
    )

    assert (
        "Invite or decline every expression of interest before publishing the decisions: "
        "1 are still waiting."
    ) in field_errors(response)
    round_.refresh_from_db()
    assert not round_.results_published


def test_the_list_filters_by_round_state_and_phase_and_searches(assessor_client):
    round_ = eoi_round(name="Round 8")
    other = eoi_round(name="Round 9")
    pests = send(round_, title="Shared pest control bookings")
    parking = decide(send(round_, title="Parking permits online", phase="alpha"), invited=True)
    elsewhere = send(other, title="Council tax reminders")

    def listed(query=""):
        return page_text(assessor_client.get(EXPRESSIONS + query))

    everything = listed()
    assert all(e.reference in everything for e in (pests, parking, elsewhere))
    by_round = listed(f"?round__id__exact={other.pk}")
    assert elsewhere.reference in by_round and pests.reference not in by_round
    invited = listed("?state__exact=invited")
    assert parking.reference in invited and pests.reference not in invited
    alpha = listed("?phase__exact=alpha")
    assert parking.reference in alpha and pests.reference not in alpha
    found = listed("?q=pest")
    assert pests.reference in found and parking.reference not in found
    for filter_title in ("By round", "By state", "By phase"):
        assert filter_title in everything


def test_the_page_shows_the_answers_history_and_the_buttons(assessor_client):
    expression = send(eoi_round(), title="Shared pest control bookings", estimated_cost=75_000)

    page = page_text(assessor_client.get(f"{EXPRESSIONS}{expression.pk}/change/"))

    assert f"Expression of interest {expression.reference}" in page
    assert "Shared pest control bookings" in page
    assert "£75,000" in page
    assert "Residents phone each council to book" in page
    assert "Expression sent" in page
    assert "Invite to bid" in page and "Decline" in page


def move(client, expression, name, feedback, *, capture):
    url = f"{EXPRESSIONS}{expression.pk}/move/{name}/"
    with capture(execute=True):
        return client.post(url, {"seen_state": expression.state, "feedback": feedback}, follow=True)


@pytest.mark.parametrize("name", ["invite", "decline"])
def test_a_move_without_feedback_is_refused_and_changes_nothing(
    assessor_client, name, django_capture_on_commit_callbacks
):
    expression = send(eoi_round())
    mail.outbox.clear()

    response = move(
        assessor_client, expression, name, "   ", capture=django_capture_on_commit_callbacks
    )

    assert "Enter feedback for the lead council." in page_text(response)
    expression.refresh_from_db()
    assert expression.state == ExpressionState.SUBMITTED
    assert not mail.outbox


@pytest.mark.parametrize("name, state", [("invite", "invited"), ("decline", "declined")])
def test_a_move_records_who_and_why_and_emails_the_officer(
    assessor_client, assessor, name, state, django_capture_on_commit_callbacks
):
    lead = signed_council()
    expression = send(eoi_round(), lead)
    mail.outbox.clear()

    response = move(
        assessor_client, expression, name, FEEDBACK, capture=django_capture_on_commit_callbacks
    )

    expression.refresh_from_db()
    assert expression.state == state
    change = expression.state_changes.last()
    assert (change.by_user, change.note) == (assessor, FEEDBACK)
    page = page_text(response)
    assert "The officer has been emailed." in page
    [message] = mail.outbox
    assert message.to == [officer_of(lead)] and FEEDBACK in message.body
    assert "It has been decided: there is nothing more to do." in page


def test_a_stale_page_cannot_decide_again(assessor_client):
    expression = send(eoi_round())
    seen = ExpressionState.SUBMITTED
    decide(expression, invited=False)

    url = f"{EXPRESSIONS}{expression.pk}/move/invite/"
    response = assessor_client.post(url, {"seen_state": seen, "feedback": "Yes"}, follow=True)

    assert "“Invite to bid” is not possible. Nothing has been changed." in page_text(response)
    expression.refresh_from_db()
    assert expression.state == ExpressionState.DECLINED


def test_staff_without_the_assessors_permission_see_no_buttons(client, content_editor):
    sign_in_staff(client, content_editor)
    expression = send(eoi_round())

    assert client.get(f"{EXPRESSIONS}{expression.pk}/change/").status_code == 403
    assert client.post(f"{EXPRESSIONS}{expression.pk}/move/invite/", {}).status_code == 403


def test_the_rounds_page_links_to_its_expressions(assessor_client):
    round_ = eoi_round()
    plain = RoundFactory()

    html = assessor_client.get(f"{ROUNDS}{round_.pk}/change/").content.decode()

    assert f'href="{EXPRESSIONS}?round__id__exact={round_.pk}"' in html
    plain_html = assessor_client.get(f"{ROUNDS}{plain.pk}/change/").content.decode()
    assert f"{EXPRESSIONS}?round__id__exact=" not in plain_html
