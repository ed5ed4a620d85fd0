"""An expression of interest as its lead's officers see it once sent: its
answers, its outcome with the feedback, and, once invited, the button that
starts the full bid from it."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from funding import services
from funding.apply import refusals
from funding.apply.expression_summary import expression_summary
from funding.apply.limits import QUESTION_LIMIT
from funding.models import Expression
from funding.officer_session import officer_required, signed_in_email
from funding.officers import organisations_of
from localdigital.core.ratelimit import rate_limit


def officer_expression(request: HttpRequest, pk: int) -> Expression:
    """The expression `pk` if the signed-in officer's organisation leads it; 404 otherwise."""
    expression = (
        Expression.objects.select_related("round", "round__fund", "lead", "bid")
        .prefetch_related("partners")
        .filter(pk=pk)
        .first()
    )
    email = signed_in_email(request)
    if expression is None or not organisations_of(email).filter(pk=expression.lead_id).exists():
        raise Http404("No such expression of interest.")
    return expression


@never_cache
@require_safe
@officer_required
def expression(request: HttpRequest, pk: int) -> HttpResponse:
    found = officer_expression(request, pk)
    return render(
        request,
        "fund/apply/expression.html",
        {
            "page_title": f"Expression of interest {found.reference}",
            "expression": found,
            "summary": expression_summary(found),
            "may_start_bid": found.may_start_bid and found.round.is_open(),
            "back": reverse("apply:your-bids"),
        },
    )


@never_cache
@require_safe
@officer_required
def expression_sent(request: HttpRequest, pk: int) -> HttpResponse:
    found = officer_expression(request, pk)
    return render(
        request,
        "fund/apply/expression_sent.html",
        {"page_title": "Expression of interest sent", "expression": found},
    )


@never_cache
# Signed in first: to a visitor who is not, the address says no more than any other.
@officer_required
@require_POST
@rate_limit(**QUESTION_LIMIT)
def start_bid(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the full bid from an invited expression (or go to the one started)."""
    found = officer_expression(request, pk)
    try:
        bid = services.bid_start_from_expression(expression=found, email=signed_in_email(request))
    except services.NotEligible as refused:
        return render(
            request,
            "fund/apply/cannot_bid.html",
            {
                "page_title": "You cannot start this bid",
                "problems": refusals.messages(refusals.NOT_ELIGIBLE, refused),
                "round": found.round,
            },
        )
    return redirect("apply:bid", pk=bid.pk)
