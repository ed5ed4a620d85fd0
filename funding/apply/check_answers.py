"""Check your answers, submitting the bid, and the confirmation that it was sent."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from funding import sections, services
from funding.answers import bid_answers
from funding.apply import refusals
from funding.apply.limits import BID_EMAIL_LIMIT
from funding.apply.links import bid_url, section_url
from funding.apply.summary import answer_summary
from funding.models import COUNTED_STATES, Bid, Section
from funding.officer_session import officer_bid, officer_required, signed_in_email
from localdigital.core.ratelimit import rate_limit


def _check_answers_page(
    request: HttpRequest, bid: Bid, *, errors: list | None = None, status: int = 200
) -> HttpResponse:
    left = [
        {"text": Section(section).label, "href": section_url(bid, section)}
        for section in sections.sections_left(bid)
    ]
    round_open = bid.round.is_open()
    return render(
        request,
        "fund/apply/check_answers.html",
        {
            "page_title": "Check your answers before submitting your bid",
            "bid": bid,
            "errors": errors or [],
            "summary": answer_summary(bid_answers(bid), bid=bid, changes=True),
            "ready": not left,
            "left": left,
            "round_open": round_open,
            "can_submit": bid.is_editable and not left and round_open,
            "back": bid_url(bid),
        },
        status=status,
    )


def _error_link(bid: Bid, code: str, values: dict) -> str:
    """Where a refusal's message leads: the section to complete, the bid as it is now,
    or the submit button."""
    if code == "section_left":
        return section_url(bid, values["section"])
    if code == "not_editable":
        return bid_url(bid)
    return "#submit"


def _submit_errors(bid: Bid, refused: services.Refused) -> list[dict]:
    """The error summary's entries for the service's refusal to submit."""
    return [
        {
            "text": refusals.words(refusals.SUBMIT_REFUSED, code, values),
            "href": _error_link(bid, code, values),
        }
        for code, values in refused.reasons
    ]


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**BID_EMAIL_LIMIT)
def check_answers(request: HttpRequest, pk: int) -> HttpResponse:
    bid = officer_bid(request, pk)
    if not bid.is_editable:
        return redirect("apply:bid", pk=bid.pk)
    if request.method != "POST":
        return _check_answers_page(request, bid)
    try:
        services.bid_submit(bid=bid, email=signed_in_email(request))
    except services.Refused as refused:
        return _check_answers_page(request, bid, errors=_submit_errors(bid, refused), status=409)
    return redirect("apply:submitted", pk=bid.pk)


@never_cache
@require_safe
@officer_required
def submitted(request: HttpRequest, pk: int) -> HttpResponse:
    bid = officer_bid(
        request,
        pk,
        queryset=Bid.objects.select_related("round", "lead").prefetch_related("partners"),
    )
    if bid.state not in COUNTED_STATES:
        return redirect("apply:bid", pk=bid.pk)
    return render(
        request,
        "fund/apply/submitted.html",
        {"page_title": "Bid submitted", "bid": bid, "partners": list(bid.partners.all())},
    )
