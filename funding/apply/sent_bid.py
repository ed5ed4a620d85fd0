"""The page of a bid that is no longer a draft: where it is now, and the
copy of its answers frozen when it was sent."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from funding.apply.links import your_bids_url
from funding.apply.rows import state_tag
from funding.apply.summary import answer_summary
from funding.models import DECIDED_STATES, Bid, BidSubmission
from funding.workflow import may_withdraw


def sent_bid(request: HttpRequest, bid: Bid) -> HttpResponse:
    """Shown at the bid's address (the task list's) once it has been sent."""
    submission = BidSubmission.objects.filter(bid=bid).first()
    return render(
        request,
        "fund/apply/sent_bid.html",
        {
            "page_title": bid.title or "Your bid",
            "bid": bid,
            "state_tag": state_tag(bid),
            "submission": submission,
            "summary": answer_summary(submission.answers, bid=bid, changes=False)
            if submission
            else [],
            # Not a draft here (drafts show their task list), so this is a
            # submitted bid or one in assessment: the workflow's table says.
            "can_withdraw": may_withdraw(bid),
            "decided": bid.state in DECIDED_STATES,
            "back": your_bids_url(),
        },
    )
