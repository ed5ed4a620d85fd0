"""Published amounts are the amounts awarded, which may differ from the
amounts asked: the project pages, the bid list, the totals and the open data."""

import json

import pytest

from funding import counts
from funding.models import Bid
from tests.funding.fund_pages import funded, not_funded, published_round, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_6():
    round_ = published_round(name="Round 6")
    funded(round_, title="Cut back", amount=90_000, amount_awarded=75_000)
    funded(round_, title="As asked", amount=50_000)
    not_funded(round_, title="Turned down", amount=40_000)
    counts.rebuild()
    return round_


def test_the_awarded_amount_is_the_one_rule(round_6):
    by_title = {bid.title: bid for bid in Bid.objects.all()}

    assert by_title["Cut back"].awarded == 75_000
    # Funded before awards were kept apart, or as asked: the amount asked.
    assert by_title["As asked"].awarded == 50_000
    assert by_title["Turned down"].awarded is None
    assert Bid.objects.totals() == {"projects": 2, "awarded": 125_000}


def test_the_project_pages_and_totals_show_the_awarded_amounts(client, round_6):
    cut_back = Bid.objects.get(title="Cut back")

    project = text(client.get(cut_back.get_absolute_url()))
    projects = text(client.get("/fund/projects/"))
    bids = text(client.get("/fund/bids/"))

    assert "Amount awarded £75,000" in project
    assert "£90,000" not in project
    assert "2 projects have been funded, with £125,000 in all" in projects
    assert "Amount awarded £75,000" in projects
    assert "Amount asked for £90,000 Amount awarded £75,000" in bids
    assert "Amount asked for £40,000 Amount awarded None" in bids
    assert "£125,000" in text(client.get("/fund/"))


def test_the_open_data_publishes_the_awarded_amounts(client, round_6):
    projects = json.loads(client.get("/fund/projects.json").getvalue())
    bids = json.loads(client.get("/fund/bids.json").getvalue())

    rows = projects["results"]
    assert {row["title"]: row["amount"] for row in rows} == {"Cut back": 75_000, "As asked": 50_000}
    rows = bids["results"]
    assert {row["title"]: (row["amount_asked"], row["amount_awarded"]) for row in rows} == {
        "Cut back": (90_000, 75_000),
        "As asked": (50_000, 50_000),
        "Turned down": (40_000, None),
    }
