"""Starting a bid: a round's start page, then the eligibility questions
(which council leads, whether enough partners have agreed) that start the
draft.

Each view reads like a list of guards: the round exists and is open, the
officer is signed in and may lead for a council; then the form and the
service.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from funding import forms, services
from funding.apply import refusals
from funding.apply.limits import QUESTION_LIMIT
from funding.apply.rows import bid_row
from funding.models import Bid, Round
from funding.officer_session import officer_required, redirect_to_sign_in, signed_in_email
from funding.officers import lead_councils_of, organisations_of
from localdigital.core.ratelimit import rate_limit
from signatories.models import Organisation

# The eligibility answers so far, in the visitor's session: round and lead council.
START_KEY = "fund_bid_start"


def _round_or_404(slug: str) -> Round:
    round_ = Round.objects.select_related("fund").filter(slug=slug).first()
    if round_ is None:
        raise Http404("No round has this address.")
    return round_


def _round_not_open(request: HttpRequest, round_: Round) -> HttpResponse:
    return render(
        request,
        "fund/apply/round_not_open.html",
        {
            "page_title": f"{round_.name} is not open for bids",
            "round": round_,
            "has_closed": round_.has_closed(),
        },
    )


@never_cache
@require_safe
def start(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _round_or_404(slug)
    # Whether a round is open is public: no need to sign in to be told it is not.
    if not round_.is_open():
        return _round_not_open(request, round_)
    if not signed_in_email(request):
        return redirect_to_sign_in(request)
    return redirect("apply:eligibility", slug=round_.slug)


def _start_answers(request: HttpRequest, round_: Round) -> dict:
    saved = request.session.get(START_KEY) or {}
    return saved if saved.get("round") == round_.pk else {}


def _chosen_lead(request: HttpRequest, round_: Round, councils: QuerySet) -> Organisation | None:
    """The lead council answered on the first question, if it is still one of the officer's."""
    slug = _start_answers(request, round_).get("lead")
    return councils.filter(slug=slug).first() if slug else None


def _start_bid(request: HttpRequest, *, round_: Round, lead: Organisation) -> HttpResponse:
    try:
        bid = services.bid_start(round_=round_, lead=lead, email=signed_in_email(request))
    except services.NotEligible as refused:
        return render(
            request,
            "fund/apply/cannot_bid.html",
            {
                "page_title": "You cannot start this bid",
                "problems": refusals.messages(refusals.NOT_ELIGIBLE, refused),
                "round": round_,
            },
        )
    request.session.pop(START_KEY, None)
    return redirect("apply:bid", pk=bid.pk)


def _cannot_lead(request: HttpRequest, round_: Round) -> HttpResponse:
    return render(
        request,
        "fund/apply/cannot_lead.html",
        {
            "page_title": "You cannot lead a bid",
            "round": round_,
            "organisations": list(organisations_of(signed_in_email(request))),
            "back": reverse("fund:round", kwargs={"slug": round_.slug}),
        },
    )


def _lead_question(
    request: HttpRequest, round_: Round, form: forms.LeadCouncilForm, councils: list
) -> HttpResponse:
    """The first question's page, with the drafts the officer's councils have begun."""
    drafts = list(
        Bid.objects.drafts()
        .filter(round=round_, lead__in=councils)
        .select_related("lead")
        .order_by("lead__name", "pk")
    )
    return render(
        request,
        "fund/apply/eligibility_lead.html",
        {
            "page_title": "Which council is leading the bid?",
            "form": form,
            "round": round_,
            "councils": councils,
            "chosen": str(form.value("lead") or ""),
            "drafts": [bid_row(bid) for bid in drafts],
            "back": reverse("fund:round", kwargs={"slug": round_.slug}),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**QUESTION_LIMIT)
def eligibility(request: HttpRequest, slug: str) -> HttpResponse:
    """First question: which of the officer's signed councils leads the bid."""
    round_ = _round_or_404(slug)
    if not round_.is_open():
        return _round_not_open(request, round_)
    councils = lead_councils_of(signed_in_email(request))
    council_list = list(councils)
    if not council_list:
        return _cannot_lead(request, round_)
    if request.method == "POST":
        form = forms.LeadCouncilForm(request.POST, councils=councils)
        if form.is_valid():
            lead = form.cleaned_data["lead"]
            request.session[START_KEY] = {"round": round_.pk, "lead": lead.slug}
            if round_.min_partners == 0:
                return _start_bid(request, round_=round_, lead=lead)
            return redirect("apply:eligibility-partners", slug=round_.slug)
    else:
        form = forms.LeadCouncilForm(
            initial={"lead": _start_answers(request, round_).get("lead")}, councils=councils
        )
    return _lead_question(request, round_, form, council_list)


def _need_partners(request: HttpRequest, round_: Round, lead: Organisation) -> HttpResponse:
    return render(
        request,
        "fund/apply/need_partners.html",
        {
            "page_title": "You need partner councils before you start",
            "round": round_,
            "lead": lead,
            "back": reverse("apply:eligibility-partners", kwargs={"slug": round_.slug}),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**QUESTION_LIMIT)
def eligibility_partners(request: HttpRequest, slug: str) -> HttpResponse:
    """Second question: whether enough signed partner councils have agreed to take part."""
    round_ = _round_or_404(slug)
    if not round_.is_open():
        return _round_not_open(request, round_)
    lead = _chosen_lead(request, round_, lead_councils_of(signed_in_email(request)))
    if lead is None:
        return redirect("apply:eligibility", slug=round_.slug)
    minimum = round_.min_partners
    if request.method == "POST":
        form = forms.PartnersAgreedForm(request.POST, minimum=minimum)
        if form.is_valid():
            if form.cleaned_data["partners_agreed"] == "yes":
                return _start_bid(request, round_=round_, lead=lead)
            return _need_partners(request, round_, lead)
    else:
        form = forms.PartnersAgreedForm(minimum=minimum)
    councils = "partner council" if minimum == 1 else "partner councils"
    return render(
        request,
        "fund/apply/eligibility_partners.html",
        {
            "page_title": f"Do you have at least {minimum} signed {councils} "
            f"that have agreed to take part?",
            "form": form,
            "round": round_,
            "lead": lead,
            "chosen": form.value("partners_agreed") or "",
            "back": reverse("apply:eligibility", kwargs={"slug": round_.slug}),
        },
    )
