"""Content editors set up funds and rounds in Django admin: dates in UK time,
phases, criteria and Markdown, and rules that do not fit together refused."""

import datetime

import pytest
from django.utils import timezone

from funding.models import BidState, Criterion, Phase, Round
from tests.admin_pages import page_text
from tests.factories import BidFactory, RoundFactory, decided_bid
from tests.funding.admin.fund_admin import (
    ROUNDS,
    bid_in_assessment,
    list_rows,
    scored,
    submitted_bid,
)
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


def round_form(fund, **overrides) -> dict:
    data = {
        "fund": fund.pk,
        "name": "Round 9",
        "slug": "round-9",
        "reference_prefix": "R9",
        "summary": "Discovery and alpha projects.",
        "opens_at_0": "2030-01-06",
        "opens_at_1": "09:00:00",
        "closes_at_0": "2030-02-20",
        "closes_at_1": "12:00:00",
        "min_partners": "2",
        "min_assessors": "2",
        "max_bids_per_lead": "2",
        "score_min": "0",
        "score_max": "4",
        "scoring_guide": "- **4**: excellent",
        "guidance": "Read **this** first.",
        "questions_and_answers": "## Who can bid?\n\nCouncils.",
        "phases-TOTAL_FORMS": "2",
        "phases-INITIAL_FORMS": "0",
        "phases-0-phase": "discovery",
        "phases-0-cap": "100000",
        "phases-1-phase": "alpha",
        "phases-1-cap": "180000",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-0-order": "0",
        "criteria-0-name": "Value for money",
        "criteria-0-weight": "20",
        "criteria-0-description": "Costs are reasonable.",
    }
    data.update(overrides)
    return data


def test_a_content_editor_sets_up_a_round_with_phases_criteria_and_markdown(client, content_editor):
    sign_in_staff(client, content_editor)
    fund = RoundFactory().fund

    response = client.post(f"{ROUNDS}add/", round_form(fund))

    assert response.status_code == 302
    round_ = Round.objects.get(slug="round-9")
    # Entered in UK time: 12:00 in February is 12:00 GMT.
    assert round_.closes_at == datetime.datetime(2030, 2, 20, 12, 0, tzinfo=datetime.UTC)
    assert round_.guidance_html == "<p>Read <strong>this</strong> first.</p>"
    assert round_.cap_for(Phase.ALPHA) == 180_000
    assert [c.name for c in round_.criteria.all()] == ["Value for money"]


def test_summer_dates_are_taken_as_british_summer_time(client, content_editor):
    sign_in_staff(client, content_editor)
    fund = RoundFactory().fund

    client.post(
        f"{ROUNDS}add/", round_form(fund, opens_at_0="2030-06-03", closes_at_0="2030-07-01")
    )

    opens_at = Round.objects.get(slug="round-9").opens_at
    assert opens_at == datetime.datetime(2030, 6, 3, 8, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"closes_at_0": "2030-01-05"},
            "The round must close after it opens. Check both dates and times.",
        ),
        (
            {"closes_at_0": "2030-01-06", "closes_at_1": "09:00:00"},
            "The round must close after it opens. Check both dates and times.",
        ),
        ({"score_max": "0"}, "The highest score must be more than the lowest score (0)."),
        ({"max_bids_per_lead": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"slug": "projects"}, "“projects” is the address of another page."),
        ({"reference_prefix": "r-9"}, "Use capital letters and digits only, for example R7."),
        (
            {"phases-1-phase": "discovery"},
            "Please correct the duplicate data for phase",
        ),
        (
            {"results_published": "on"},
            "Decisions can be published only after the round has closed.",
        ),
    ],
)
def test_a_round_with_inconsistent_rules_is_refused_with_a_message(
    client, content_editor, overrides, message
):
    sign_in_staff(client, content_editor)
    fund = RoundFactory().fund

    response = client.post(f"{ROUNDS}add/", round_form(fund, **overrides))

    assert response.status_code == 200
    assert message in page_text(response)
    assert not Round.objects.filter(slug__in=["round-9", "projects"]).exists()


def test_the_round_list_shows_dates_whether_open_and_bids_submitted(assessor_client):
    open_round = RoundFactory(name="Round Open")
    RoundFactory(
        name="Round Closed",
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    submitted_bid(round=open_round)
    submitted_bid(round=open_round)
    BidFactory(round=open_round)  # a draft is not counted

    response = assessor_client.get(ROUNDS)

    rows = list_rows(response)
    [open_row] = [row for row in rows if "Round Open" in row]
    [closed_row] = [row for row in rows if "Round Closed" in row]
    assert open_row.endswith(" 2")
    assert closed_row.endswith(" 0")
    html = response.content.decode()
    open_html = html[html.index("Round Open") :].split("</tr>")[0]
    closed_html = html[html.index("Round Closed") :].split("</tr>")[0]
    assert 'alt="True"' in open_html
    assert 'alt="False"' in closed_html


def test_a_criterion_with_scores_cannot_be_deleted_from_its_round(client, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", password="unused-pass-123")
    sign_in_staff(client, superuser)
    bid = bid_in_assessment()
    scored(bid, superuser, [3, 2, 4])
    round_ = bid.round
    criteria = list(round_.criteria.all())
    phases = list(round_.phases.all())
    data = round_form(
        round_.fund,
        name=round_.name,
        slug=round_.slug,
        reference_prefix=round_.reference_prefix,
        **{
            "opens_at_0": timezone.localtime(round_.opens_at).strftime("%Y-%m-%d"),
            "opens_at_1": timezone.localtime(round_.opens_at).strftime("%H:%M:%S"),
            "closes_at_0": timezone.localtime(round_.closes_at).strftime("%Y-%m-%d"),
            "closes_at_1": timezone.localtime(round_.closes_at).strftime("%H:%M:%S"),
            "phases-TOTAL_FORMS": str(len(phases)),
            "phases-INITIAL_FORMS": str(len(phases)),
            "criteria-TOTAL_FORMS": str(len(criteria)),
            "criteria-INITIAL_FORMS": str(len(criteria)),
        },
    )
    for index, phase in enumerate(phases):
        data |= {
            f"phases-{index}-id": phase.pk,
            f"phases-{index}-round": round_.pk,
            f"phases-{index}-phase": phase.phase,
            f"phases-{index}-cap": phase.cap,
        }
    for index, criterion in enumerate(criteria):
        data |= {
            f"criteria-{index}-id": criterion.pk,
            f"criteria-{index}-round": round_.pk,
            f"criteria-{index}-order": criterion.order,
            f"criteria-{index}-name": criterion.name,
            f"criteria-{index}-weight": criterion.weight,
            f"criteria-{index}-description": "",
        }
    data["criteria-0-DELETE"] = "on"

    response = client.post(f"{ROUNDS}{round_.pk}/change/", data)

    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in page_text(response)
    assert Criterion.objects.filter(pk=criteria[0].pk).exists()


def test_decisions_cannot_be_published_while_a_bid_awaits_its_outcome(client, content_editor):
    sign_in_staff(client, content_editor)
    waiting = decided_bid(state=BidState.IN_ASSESSMENT)
    round_ = waiting.round
    # The form below brings its own phases and criterion.
    round_.phases.all().delete()
    round_.criteria.all().delete()
    Round.objects.filter(pk=round_.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    data = round_form(
        round_.fund,
        name=round_.name,
        slug=round_.slug,
        reference_prefix=round_.reference_prefix,
        opens_at_0="2020-01-06",
        closes_at_0="2020-02-20",
        results_published="on",
    )

    response = client.post(f"{ROUNDS}{round_.pk}/change/", data)

    assert response.status_code == 200
    assert "Record an outcome for every bid before publishing the decisions" in (
        response.content.decode()
    )
    round_.refresh_from_db()
    assert not round_.results_published
