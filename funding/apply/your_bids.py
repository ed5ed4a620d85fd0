"""The officer's bids: their organisations' drafts, sent and withdrawn bids,
and the rounds open to start one in."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from funding.apply.rows import bid_row
from funding.models import (
    COUNTED_STATES,
    DECIDED_STATES,
    Bid,
    BidState,
    CriterionFeedback,
    Expression,
    Round,
)
from funding.officer_session import officer_required, signed_in_email
from funding.officers import organisations_matching, organisations_of

# A one-off message for the page, left by the page that sent the officer here.
NOTICE_KEY = "fund_notice"


def leave_notice(request: HttpRequest, text: str) -> None:
    """Show `text` once, the next time the officer's bids are shown."""
    request.session[NOTICE_KEY] = text


def _expressions(organisations: list, councils: list) -> dict:
    """The officer's councils' expressions of interest, and the rounds taking them now."""
    led = (
        Expression.objects.led_by(organisations)
        .select_related("round", "lead")
        .order_by("-round__opens_at", "-number")
    )
    return {
        "expressions": list(led) if organisations else [],
        "expression_rounds": list(
            Round.objects.taking_expressions().order_by("expressions_close_at", "pk")
        )
        if councils
        else [],
    }


@never_cache
@require_safe
@officer_required
def your_bids(request: HttpRequest) -> HttpResponse:
    email = signed_in_email(request)
    organisations = list(organisations_of(email))
    bids = (
        list(
            Bid.objects.led_by(organisations)
            .select_related("round", "lead")
            .prefetch_related(
                Prefetch("feedback", queryset=CriterionFeedback.objects.select_related("criterion"))
            )
            .order_by("-round__opens_at", "-updated_at", "-pk")
        )
        if organisations
        else []
    )
    councils = [organisation for organisation in organisations if organisation.is_council]
    return render(
        request,
        "fund/apply/your_bids.html",
        {
            "page_title": "Your bids",
            "email": email,
            "organisations": organisations,
            "councils": councils,
            "drafts": [bid_row(bid) for bid in bids if bid.state == BidState.DRAFT],
            "sent": [bid_row(bid) for bid in bids if bid.state in COUNTED_STATES],
            # A withdrawn draft was deleted, as far as the officer is concerned.
            # The panel's feedback, once the round's decisions are published
            # (before then, only the email with the outcome carries it).
            "decided": [
                bid_row(bid)
                for bid in bids
                if bid.state in DECIDED_STATES and bid.round.results_published
            ],
            "withdrawn": [
                bid_row(bid) for bid in bids if bid.state == BidState.WITHDRAWN and bid.reference
            ],
            "open_rounds": list(Round.objects.open().order_by("closes_at", "pk"))
            if councils
            else [],
            **_expressions(organisations, councils),
            "not_signed": [] if organisations else list(organisations_matching(email)),
            "domain": email.rpartition("@")[2],
            "notice": request.session.pop(NOTICE_KEY, None),
        },
    )
