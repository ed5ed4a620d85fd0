"""Helpers for the tests of the fund's admin: bids brought to assessment
through the services, the admin's addresses, and its lists and forms as a
person reads and fills them."""

import re
from html import unescape

from funding import services
from funding.models import Bid, BidState, BidSubmission
from tests.factories import BidFactory

BIDS = "/admin/funding/bid/"
ROUNDS = "/admin/funding/round/"


def submitted_bid(**fields) -> Bid:
    """A complete bid submitted through the service, so it has its frozen copy."""
    bid = BidFactory(**fields)
    return services.bid_submit(bid=bid, email=bid.created_by_email)


def bid_in_assessment(**fields) -> Bid:
    bid = submitted_bid(**fields)
    services.bid_start_assessment(bid=bid, by=None, note="")
    bid.refresh_from_db()
    return bid


def scored(bid: Bid, assessor, scores: list[int]) -> None:
    services.bid_score(
        bid=bid,
        assessor=assessor,
        scores=[
            services.CriterionScore(criterion=criterion, score=score, justification=f"Gave {score}")
            for criterion, score in zip(bid.round.criteria.all(), scores, strict=True)
        ],
    )


def make_copy_older(bid: Bid, *, without: list[str], lead: dict | None = None) -> None:
    """Give the bid the frozen copy it would have had if sent before some
    questions were asked: without the answers named, its lead as `lead`."""
    submission = BidSubmission.objects.get(bid=bid)
    answers = {key: value for key, value in submission.answers.items() if key not in without}
    if lead is not None:
        answers["lead"] = lead
    BidSubmission.objects.filter(pk=submission.pk).update(answers=answers)


def change_url(bid: Bid) -> str:
    return f"{BIDS}{bid.pk}/change/"


def list_rows(response) -> list[str]:
    """Each row of a changelist's table, as text."""
    html = response.content.decode()
    if '<table id="result_list"' not in html:
        return []
    body = html[html.index('<table id="result_list"') :]
    body = body[: body.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)[1:]
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


def listed_titles(response, bids: dict[str, Bid]) -> list[str]:
    rows = list_rows(response)
    return sorted(name for name, bid in bids.items() if any(bid.title in row for row in rows))


def empty_inline_forms(bid: Bid, **extra) -> dict:
    """The management data of the inlines on a bid's page, with no rows changed."""
    data = {
        "state_changes-TOTAL_FORMS": str(bid.state_changes.count()),
        "state_changes-INITIAL_FORMS": str(bid.state_changes.count()),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }
    if bid.state == BidState.FUNDED:
        data |= {"links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0"}
        data |= {"payments-TOTAL_FORMS": "0", "payments-INITIAL_FORMS": "0"}
    data.update(extra)
    return data


def decision_form(bid: Bid, move: str) -> dict:
    """What an assessor fills in to record an outcome, but the reason: who
    approved it, feedback on every criterion and, if funded, the amount asked."""
    data = {"approver_name": "Sam Minister", "approver_role": "Minister for Local Government"}
    data |= {f"feedback_{c.pk}": f"Feedback on {c.name}." for c in bid.round.criteria.all()}
    if move == "fund":
        data["amount_awarded"] = str(bid.amount)
    return data


def agree_url(bid: Bid) -> str:
    return f"{BIDS}{bid.pk}/agree/"


def score_url(bid: Bid) -> str:
    return f"{BIDS}{bid.pk}/score/"


def move_url(bid: Bid, move: str) -> str:
    return f"{BIDS}{bid.pk}/move/{move}/"
