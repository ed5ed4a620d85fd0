"""Sending an expression of interest: one short form page, check your
answers, send. The answers wait in the visitor's session until they are sent.

Each view reads like a list of guards: the round exists and takes
expressions now, the officer is signed in and may lead for a council; then
the form and the service.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from funding import services
from funding.apply import refusals
from funding.apply.expression_summary import expression_summary
from funding.apply.limits import BID_EMAIL_LIMIT, QUESTION_LIMIT
from funding.expression_forms import PARTNER_FIELDS, ExpressionForm
from funding.models import Round
from funding.officer_session import officer_required, signed_in_email
from funding.officers import lead_councils_of, organisations_of
from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from signatories.models import Organisation

# The answers so far, in the visitor's session: {"round": pk, ...the form's answers}.
ANSWERS_KEY = "fund_expression"


def _round_or_404(slug: str) -> Round:
    round_ = (
        Round.objects.select_related("fund").prefetch_related("phases").filter(slug=slug).first()
    )
    if round_ is None:
        raise Http404("No round has this address.")
    return round_


def _not_taking(request: HttpRequest, round_: Round) -> HttpResponse:
    return render(
        request,
        "fund/apply/expressions_closed.html",
        {"page_title": f"{round_.name} is not taking expressions of interest", "round": round_},
    )


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


def _saved(request: HttpRequest, round_: Round) -> dict:
    saved = request.session.get(ANSWERS_KEY) or {}
    return saved if saved.get("round") == round_.pk else {}


def _form(request: HttpRequest, round_: Round, *, data=None, initial=None) -> ExpressionForm:
    return ExpressionForm(
        data,
        initial=initial,
        round_=round_,
        councils=lead_councils_of(signed_in_email(request)),
        partners=Organisation.objects.signed_current_councils().order_by("name"),
    )


def _guard(request: HttpRequest, slug: str) -> tuple[Round, HttpResponse | None]:
    round_ = _round_or_404(slug)
    if not round_.takes_expressions():
        return round_, _not_taking(request, round_)
    if not lead_councils_of(signed_in_email(request)).exists():
        return round_, _cannot_lead(request, round_)
    return round_, None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**QUESTION_LIMIT)
def expression_form(request: HttpRequest, slug: str) -> HttpResponse:
    round_, refused = _guard(request, slug)
    if refused:
        return refused
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect("apply:your-bids")
        form = _form(request, round_, data=request.POST)
        if form.is_valid():
            request.session[ANSWERS_KEY] = {"round": round_.pk, **form.session_answers()}
            return redirect("apply:expression-check", slug=round_.slug)
    else:
        form = _form(request, round_, initial=_saved(request, round_))
    return render(
        request,
        "fund/apply/expression_form.html",
        {
            "page_title": "Express interest in bidding",
            "form": form,
            "round": round_,
            "councils": list(form.fields["lead"].queryset),
            "partners": list(form.fields[PARTNER_FIELDS[0]].queryset.only("slug", "name")),
            "partner_fields": PARTNER_FIELDS,
            "back": reverse("fund:round", kwargs={"slug": round_.slug}),
        },
    )


def _answers(form: ExpressionForm) -> services.ExpressionAnswers:
    data = form.cleaned_data
    return services.ExpressionAnswers(
        lead=data["lead"],
        title=data["title"],
        problem=data["problem"],
        phase=data["phase"],
        estimated_cost=data["estimated_cost"],
        partners=form.chosen_partners(),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**BID_EMAIL_LIMIT)
def expression_check(request: HttpRequest, slug: str) -> HttpResponse:
    round_, refused = _guard(request, slug)
    if refused:
        return refused
    saved = _saved(request, round_)
    form = _form(request, round_, data=saved)
    # Nothing answered yet, or answers no longer good (a council that has
    # since left the declaration): back to the form, which says why.
    if not saved or not form.is_valid():
        return redirect("apply:expression-form", slug=round_.slug)
    errors = []
    if request.method == "POST":
        try:
            expression = services.expression_send(
                round_=round_, answers=_answers(form), email=signed_in_email(request)
            )
        except services.ExpressionNotAccepted as refusal:
            errors = [
                {"text": message, "href": "#send"}
                for message in refusals.messages(refusals.EXPRESSION_REFUSED, refusal)
            ]
        else:
            request.session.pop(ANSWERS_KEY, None)
            return redirect("apply:expression-sent", pk=expression.pk)
    change = reverse("apply:expression-form", kwargs={"slug": round_.slug})
    return render(
        request,
        "fund/apply/expression_check.html",
        {
            "page_title": "Check your expression of interest before sending it",
            "round": round_,
            "lead": form.cleaned_data["lead"],
            "summary": expression_summary(_answers(form), change_url=change),
            "errors": errors,
            "back": change,
        },
    )
