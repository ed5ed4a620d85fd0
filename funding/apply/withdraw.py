"""Withdrawing a sent bid, or deleting a draft: one page, two wordings."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from funding import forms, services
from funding.apply.limits import BID_EMAIL_LIMIT
from funding.apply.links import bid_url
from funding.apply.your_bids import leave_notice
from funding.models import DECIDED_STATES, Bid, BidState
from funding.officer_session import officer_bid, officer_required, signed_in_email
from funding.workflow import IllegalMove, may_withdraw
from localdigital.core.ratelimit import rate_limit


def _cannot_withdraw(request: HttpRequest, context: dict) -> HttpResponse:
    bid = context["bid"]
    return render(
        request,
        "fund/apply/cannot_withdraw.html",
        {
            **context,
            "page_title": "This bid can no longer be withdrawn",
            "decided": bid.state in DECIDED_STATES,
        },
        status=409,
    )


def _done_notice(bid: Bid, *, was_draft: bool) -> str:
    if was_draft:
        return f"Your draft bid “{bid.title or 'Untitled bid'}” has been deleted."
    return f"Bid {bid.reference} has been withdrawn. It will not be assessed."


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**BID_EMAIL_LIMIT)
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    bid = officer_bid(request, pk, queryset=Bid.objects.select_related("round", "lead"))
    # The workflow's "withdraw" move takes a draft as well as a sent bid, and
    # says when neither may be taken back. A draft has its own path, though:
    # nobody else knew of it, so to its officers it is deleted (no reason is
    # asked for, nobody is emailed) and it is worded so here.
    is_draft = bid.state == BidState.DRAFT
    context = {"bid": bid, "is_draft": is_draft, "back": bid_url(bid)}
    if not may_withdraw(bid):
        return _cannot_withdraw(request, context)
    if request.method == "POST":
        form = forms.WithdrawForm(request.POST)
        if form.is_valid():
            try:
                services.bid_withdraw(
                    bid=bid, email=signed_in_email(request), reason=form.cleaned_data["reason"]
                )
            except IllegalMove:
                # Decided, or withdrawn by a colleague, since the page was opened.
                bid.refresh_from_db()
                return _cannot_withdraw(request, context)
            leave_notice(request, _done_notice(bid, was_draft=is_draft))
            return redirect("apply:your-bids")
    else:
        form = forms.WithdrawForm()
    title = (
        "Are you sure you want to delete this draft bid?"
        if is_draft
        else f"Are you sure you want to withdraw bid {bid.reference}?"
    )
    return render(
        request, "fund/apply/withdraw.html", {**context, "page_title": title, "form": form}
    )
