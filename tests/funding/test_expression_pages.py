"""The public side of expressions of interest: nothing until the round's
decisions are published, then a page of them with their outcomes, linked from
the round's page, in the open data and the sitemap, in a fixed number of
queries whatever their number."""

import csv
import io
import json

import pytest

from funding.models import Round
from tests.factories import signed_council
from tests.funding.expressions import (
    days,
    decide,
    eoi_round,
    into_the_past,
    published_expression,
    send,
)
from tests.funding.fund_pages import published_round
from tests.govuk_pages import text, title
from tests.localdigital.pages.sitemap_reading import whole_sitemap

pytestmark = pytest.mark.django_db


def decided_round(**fields) -> Round:
    """A round whose expressions were sent, then invited or declined, and then
    (moved into the past) its decisions published."""
    round_ = eoi_round(name="Round 6", slug="round-6", reference_prefix="R6", **fields)
    lead = signed_council(name="Leeds City Council")
    partner = signed_council(name="Kent County Council")
    decide(
        send(round_, lead, title="Shared pest control", partners=[partner, signed_council()]),
        invited=True,
    )
    decide(send(round_, title="Bin collection alerts"), invited=False)
    return round_


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_before_the_decisions_are_published_there_is_nothing_to_see(client):
    round_ = into_the_past(decided_round(), published=False)

    assert client.get("/fund/round-6/expressions/").status_code == 404
    assert "/fund/round-6/expressions/" not in client.get("/fund/round-6/").content.decode()
    assert "See the expressions of interest" not in text(client.get("/fund/round-6/"))
    assert round_.expressions.count() == 2
    assert json.loads(streamed(client.get("/fund/expressions.json")))["count"] == 0


def test_once_published_the_round_links_to_its_expressions_with_their_outcomes(client):
    into_the_past(decided_round())

    round_page = client.get("/fund/round-6/")
    assert 'href="/fund/round-6/expressions/"' in round_page.content.decode()
    response = client.get("/fund/round-6/expressions/")

    assert response.status_code == 200
    assert title(response) == "Expressions of interest: Round 6 – Local Digital"
    page = text(response)
    assert "2 expressions of interest" in page
    assert "Shared pest control R6-EOI-0001 Invited to bid Lead council Leeds City Council" in page
    assert "Partners Kent County Council" in page
    assert "Bin collection alerts R6-EOI-0002 Not invited to bid" in page


def test_a_round_without_the_stage_has_no_expressions_page(client):
    published_round(slug="round-5")

    assert client.get("/fund/round-5/expressions/").status_code == 404


def test_the_list_is_paginated(client):
    round_ = published_round(
        name="Round 6",
        slug="round-6",
        reference_prefix="R6",
        expressions_open_at=days(-130),
        expressions_close_at=days(-120),
    )
    for number in range(1, 23):
        published_expression(round_, state="invited" if number % 3 else "declined", number=number)

    first = text(client.get("/fund/round-6/expressions/"))
    second = client.get("/fund/round-6/expressions/?page=2")

    assert "22 expressions of interest" in first and "Showing 1 to 20." in first
    assert title(second) == "Expressions of interest: Round 6 (page 2 of 2) – Local Digital"
    assert "Shared project 21" in text(second) and "Shared project 1 " not in text(second)


def test_the_open_data_has_every_published_expression(client):
    into_the_past(decided_round())
    eoi_round(slug="round-9", reference_prefix="R9")
    send(Round.objects.get(slug="round-9"))

    rows = list(csv.DictReader(io.StringIO(streamed(client.get("/fund/expressions.csv")))))
    document = json.loads(streamed(client.get("/fund/expressions.json")))

    assert [(r["reference"], r["outcome"]) for r in rows] == [
        ("R6-EOI-0001", "invited"),
        ("R6-EOI-0002", "declined"),
    ]
    assert rows[0]["lead"] == "Leeds City Council"
    assert rows[0]["estimated_cost"] == "60000"
    assert document["count"] == 2
    assert document["results"][0]["estimated_cost"] == 60000
    open_data = text(client.get("/open-data/"))
    assert "Expressions of interest" in open_data and "estimated_cost" in open_data


def test_the_sitemap_lists_published_expression_pages_only(client):
    into_the_past(decided_round())
    eoi_round(slug="round-9", reference_prefix="R9")

    body = whole_sitemap(client)

    assert "<loc>http://testserver/fund/round-6/expressions/</loc>" in body
    assert "/fund/round-9/expressions/" not in body


@pytest.mark.usefixtures("page_cache")
def test_publishing_the_decisions_shows_the_link_on_a_page_already_cached(
    client, django_capture_on_commit_callbacks
):
    round_ = into_the_past(decided_round(), published=False)
    assert "/fund/round-6/expressions/" not in client.get("/fund/round-6/").content.decode()

    round_.results_published = True
    with django_capture_on_commit_callbacks(execute=True):
        round_.save()

    assert "/fund/round-6/expressions/" in client.get("/fund/round-6/").content.decode()


@pytest.mark.parametrize("size", [1, 4])
def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    round_ = decided_round()
    for _ in range(size):
        decide(send(round_, partners=[signed_council(), signed_council()]), invited=True)
    into_the_past(round_)

    # the round with its fund, the count, the page with leads, their partners
    with django_assert_num_queries(4):
        response = client.get("/fund/round-6/expressions/")

    assert response.status_code == 200
    assert f"{size + 2} expressions of interest" in text(response)
