"""A round's public page: its dates in UK time, rules, phases, criteria and
guidance, and the start button while it is open."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.funding.fund_pages import UK, future_round, open_round, published_round, text

pytestmark = pytest.mark.django_db


def test_round_page_shows_dates_rules_phases_criteria_and_guidance(client):
    round_ = open_round(
        name="Round 7",
        slug="round-7",
        opens_at=datetime.datetime(2022, 10, 13, 9, 0, tzinfo=UK),
        closes_at=timezone.now() + datetime.timedelta(days=3),
        min_partners=2,
        max_bids_per_lead=2,
        score_min=0,
        score_max=4,
        scoring_guide="4 means **excellent**.",
        guidance="Read the **guidance** before you bid.",
        questions_and_answers="## Can a county lead?\n\nYes.",
    )

    response = client.get("/fund/round-7/")

    assert response.status_code == 200
    page = text(response)
    assert "Opens 13 October 2022 at 9am (UK time)" in page
    assert f"Closes {round_.closes_at.astimezone(UK).day}" in page
    assert "Only councils that have signed the Local Digital Declaration can lead a bid" in page
    assert "at least 2 partner councils that have signed the declaration too" in page
    assert "A council can lead at most 2 bids in this round" in page
    assert re.search(r"Discovery £100,000 Alpha £180,000 Beta £350,000", page)
    assert re.search(r"Strategic fit .* 40% Deliverability .* 30% Value for money .* 30%", page)
    assert "score from 0 to 4" in page
    html = response.content.decode()
    assert "<strong>excellent</strong>" in html
    assert "<strong>guidance</strong>" in html
    assert "Can a county lead?" in page


def test_round_page_shows_each_criterion_as_a_share_of_the_score(client):
    open_round(slug="round-x", criteria={"Strategic fit": 2, "Value for money": 1, "Team": 1})

    page = text(client.get("/fund/round-x/"))

    assert re.search(r"Strategic fit .* 50% Value for money .* 25% Team .* 25%", page)


def test_start_button_is_there_only_while_the_round_is_open(client):
    open_round(slug="open-round")
    future_round(
        slug="future-round",
        opens_at=datetime.datetime(2099, 10, 13, 9, 30, tzinfo=UK),
        closes_at=datetime.datetime(2099, 11, 24, 12, 0, tzinfo=UK),
    )
    published_round(slug="closed-round")

    open_page = client.get("/fund/open-round/")
    future_page = client.get("/fund/future-round/")
    closed_page = client.get("/fund/closed-round/")

    assert "Start now" in text(open_page)
    assert 'href="/fund/apply/open-round/"' in open_page.content.decode()
    assert "govuk-button--start" in open_page.content.decode()
    assert "Start now" not in text(future_page)
    assert "This round opens on 13 October 2099 at 9:30am (UK time)" in text(future_page)
    assert "Start now" not in text(closed_page)
    assert "This round closed on" in text(closed_page)
    assert 'href="/fund/bids/?round=closed-round"' in closed_page.content.decode()


def test_round_closes_at_its_closing_time(client):
    round_ = open_round(slug="closing")
    round_.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    round_.save()

    assert "Start now" not in text(client.get("/fund/closing/"))


def test_unknown_round_is_not_found(client):
    response = client.get("/fund/no-such-round/")

    assert response.status_code == 404
    assert "Page not found" in text(response)


def test_round_page_says_when_a_round_needs_one_partner_and_allows_one_bid(client):
    open_round(slug="small", min_partners=1, max_bids_per_lead=1)

    page = text(client.get("/fund/small/"))

    assert "at least 1 partner council that has signed" in page
    assert "at most 1 bid in this round" in page
