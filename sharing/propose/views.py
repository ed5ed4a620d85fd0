"""Proposing a case study: the form, check answers and the confirmation.
The answers wait in the visitor's session until they are sent."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from funding.officer_session import officer_required, signed_in_email
from funding.officers import lead_councils_of
from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from sharing import services
from sharing.case_forms import OUTCOME_ROWS, ProposalForm
from sharing.case_models import CaseStudy
from sharing.propose.summary import proposal_summary

ANSWERS_KEY = "case_study_proposal"
SENT_KEY = "case_study_sent"
# Filling in the form is a long job; sending emails the officer.
QUESTION_LIMIT = {"scope": "case-study-questions", "limit": 60, "per_seconds": 10 * 60}
SEND_LIMIT = {"scope": "case-study-send", "limit": 20, "per_seconds": 60 * 60}


def _cannot_propose(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "sharing/propose/cannot_propose.html",
        {"page_title": "You cannot propose a case study", "back": reverse("sharing:case-studies")},
    )


def _form_page(request: HttpRequest, form: ProposalForm) -> HttpResponse:
    return render(
        request,
        "sharing/propose/form.html",
        {
            "page_title": "Propose a case study",
            "form": form,
            "outcome_rows": range(1, OUTCOME_ROWS + 1),
            "back": reverse("sharing:case-studies"),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**QUESTION_LIMIT)
def propose_form(request: HttpRequest) -> HttpResponse:
    email = signed_in_email(request)
    if not lead_councils_of(email).exists():
        return _cannot_propose(request)
    if request.method != "POST":
        initial = request.session.get(ANSWERS_KEY) or {}
        return _form_page(request, ProposalForm(initial=initial, email=email))
    if honeypot_filled(request):
        return redirect("sharing:case-studies")
    form = ProposalForm(request.POST, email=email)
    if not form.is_valid():
        return _form_page(request, form)
    request.session[ANSWERS_KEY] = form.session_answers()
    return redirect("sharing:propose-check")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**SEND_LIMIT)
def propose_check(request: HttpRequest) -> HttpResponse:
    email = signed_in_email(request)
    saved = request.session.get(ANSWERS_KEY)
    form = ProposalForm(saved, email=email)
    # Nothing answered yet, or answers no longer good (a council that has
    # since left the declaration): back to the form, which says why.
    if not saved or not form.is_valid():
        return redirect("sharing:propose-case-study")
    if request.method == "POST":
        case_study = services.case_study_propose(email=email, fields=form.fields_for_service())
        request.session.pop(ANSWERS_KEY, None)
        request.session[SENT_KEY] = case_study.pk
        return redirect("sharing:proposal-sent")
    change = reverse("sharing:propose-case-study")
    return render(
        request,
        "sharing/propose/check.html",
        {
            "page_title": "Check your case study before sending it",
            "summary": proposal_summary(form, change_url=change),
            "back": change,
        },
    )


@never_cache
@require_safe
@officer_required
def proposal_sent(request: HttpRequest) -> HttpResponse:
    email = signed_in_email(request)
    case_study = (
        CaseStudy.objects.proposed_by(email).filter(pk=request.session.get(SENT_KEY)).first()
    )
    if case_study is None:
        return redirect("sharing:propose-case-study")
    return render(
        request,
        "sharing/propose/sent.html",
        {"page_title": "Case study sent", "case_study": case_study, "email": email},
    )
