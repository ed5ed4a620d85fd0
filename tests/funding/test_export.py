"""Assessors download a round's submitted bids with their scores as CSV."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from funding import services
from funding.models import Bid, BidState
from tests.admin_pages import make_staff, page_text
from tests.factories import BidFactory, RoundFactory, signed_council
from tests.funding.admin.fund_admin import (
    BIDS,
    ROUNDS,
    bid_in_assessment,
    make_copy_older,
    scored,
    submitted_bid,
)

pytestmark = pytest.mark.django_db


def export_url(round_) -> str:
    return f"{ROUNDS}{round_.pk}/export/"


def read_csv(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_export_has_a_row_per_submitted_bid_with_its_scores(
    assessor_client, assessor, django_user_model
):
    other = make_staff(django_user_model, "bo", "Fund assessors", first_name="Bo", last_name="Li")
    round_ = RoundFactory(slug="round-7")
    lead = signed_council(name="Northam Council", region="North East")
    partners = [signed_council(name="Eastwick Council"), signed_council(name="Westwick Council")]
    bid = bid_in_assessment(
        round=round_, lead=lead, partners=partners, title="Shared parking permits"
    )
    scored(bid, assessor, [3, 2, 4])  # 300 of 400
    scored(bid, other, [4, 4, 2])  # 340 of 400
    unscored = submitted_bid(round=round_)
    BidFactory(round=round_, title="A draft nobody submitted")
    submitted_bid(title="Another round's bid")
    # Changed in the database after submission: the export describes the bid as sent.
    Bid.objects.filter(pk=bid.pk).update(title="Changed later", amount=5)

    response = assessor_client.get(export_url(round_))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="round-7-bids-and-scores-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    rows = read_csv(response)
    assert [row["reference"] for row in rows] == [bid.reference, unscored.reference]
    first = rows[0]
    assert first == {
        "reference": bid.reference,
        "title": "Shared parking permits",
        "lead": "Northam Council",
        "lead region": "North East",
        "partners": "Eastwick Council; Westwick Council",
        "phase": "Discovery",
        "amount (£)": "90000",
        "state": "In assessment",
        "submitted at": timezone.localtime(bid.submitted_at).isoformat(timespec="seconds"),
        "average score: Strategic fit (weight 40)": "3.5",
        "average score: Deliverability (weight 30)": "3.0",
        "average score: Value for money (weight 30)": "3.0",
        "weighted total by Ada Okoro (out of 400)": "300",
        "weighted total by Bo Li (out of 400)": "340",
        "average weighted score (%)": "80.0",
        "assessors who scored every criterion": "2",
    }
    assert rows[1]["average score: Strategic fit (weight 40)"] == ""
    assert rows[1]["weighted total by Ada Okoro (out of 400)"] == ""
    assert rows[1]["average weighted score (%)"] == ""
    assert rows[1]["assessors who scored every criterion"] == "0"


def test_an_assessor_who_has_not_scored_every_criterion_has_no_total(assessor_client, assessor):
    bid = bid_in_assessment()
    services.bid_score(
        bid=bid,
        assessor=assessor,
        scores=[
            services.CriterionScore(
                criterion=bid.round.criteria.first(), score=4, justification="Strong."
            )
        ],
    )

    [row] = read_csv(assessor_client.get(export_url(bid.round)))

    assert row["average score: Strategic fit (weight 40)"] == "4.0"
    assert row["weighted total by Ada Okoro (out of 400)"] == ""
    assert row["assessors who scored every criterion"] == "0"


def test_withdrawn_bids_are_exported_with_their_state(assessor_client):
    bid = submitted_bid()
    Bid.objects.filter(pk=bid.pk).update(state=BidState.WITHDRAWN, lead_slot=None)

    [row] = read_csv(assessor_client.get(export_url(bid.round)))

    assert row["state"] == "Withdrawn"


def test_a_copy_frozen_before_some_questions_were_asked_is_exported(assessor_client):
    bid = submitted_bid(title="Shared case management")
    make_copy_older(
        bid, without=["sponsor", "attachments", "team"], lead={"name": "Northam Council"}
    )

    [row] = read_csv(assessor_client.get(export_url(bid.round)))

    assert row["reference"] == bid.reference
    assert row["title"] == "Shared case management"
    assert (row["lead"], row["lead region"]) == ("Northam Council", "")


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@"])
def test_cells_that_a_spreadsheet_would_run_as_formulas_are_defused(
    assessor_client, django_user_model, trigger
):
    lead = signed_council(name=f'{trigger}HYPERLINK("http://evil.example")')
    bid = bid_in_assessment(
        lead=lead,
        title=f"{trigger}cmd|' /C calc'!A0",
        partners=[signed_council(), signed_council()],
    )
    evil = make_staff(
        django_user_model, "evil", "Fund assessors", first_name=f"{trigger}SUM(A1)", last_name=""
    )
    scored(bid, evil, [1, 1, 1])

    text = assessor_client.get(export_url(bid.round)).content.decode()
    [row] = list(csv.DictReader(io.StringIO(text)))

    assert row["title"] == f"'{trigger}cmd|' /C calc'!A0"
    assert row["lead"] == f'\'{trigger}HYPERLINK("http://evil.example")'
    # Inside a heading that starts with words, the name is harmless as it is.
    assert f"weighted total by {trigger}SUM(A1) (out of 400)" in row
    for line in text.splitlines():
        for cell in next(csv.reader([line])):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_the_round_page_links_to_the_export(assessor_client):
    round_ = RoundFactory()

    page = assessor_client.get(f"{ROUNDS}{round_.pk}/change/").content.decode()

    assert f'href="{export_url(round_)}"' in page
    assert "Download bids and scores (CSV)" in page


def test_selected_bids_of_one_round_are_exported_from_the_list(assessor_client):
    round_ = RoundFactory()
    chosen = submitted_bid(round=round_)
    submitted_bid(round=round_)

    response = assessor_client.post(BIDS, {"action": "export_csv", "_selected_action": [chosen.pk]})

    assert [row["reference"] for row in read_csv(response)] == [chosen.reference]


def test_bids_of_several_rounds_are_not_exported_together(assessor_client):
    first, second = submitted_bid(), submitted_bid()

    response = assessor_client.post(
        BIDS, {"action": "export_csv", "_selected_action": [first.pk, second.pk]}, follow=True
    )

    assert "Choose bids of one round" in page_text(response)
    assert response["Content-Type"].startswith("text/html")


def test_the_export_reads_the_same_number_of_queries_however_many_bids(
    assessor_client, assessor, django_user_model
):
    other = make_staff(django_user_model, "bo", "Fund assessors")
    round_ = RoundFactory()

    def queries_for_export() -> int:
        assessor_client.get(export_url(round_))
        with CaptureQueriesContext(connection) as captured:
            assert assessor_client.get(export_url(round_)).status_code == 200
        return len(captured)

    scored(bid_in_assessment(round=round_), assessor, [1, 1, 1])
    few = queries_for_export()
    for _ in range(4):
        bid = bid_in_assessment(round=round_)
        scored(bid, assessor, [2, 3, 4])
        scored(bid, other, [4, 3, 2])

    assert queries_for_export() == few
