"""Check your answers and sending them: a new sign-up, or the changes a
moderator asked for (the officer came through their edit link)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from signatories.models import LinkPurpose, SignUp
from signatories.services import OrganisationAlreadySigning, find_link, sign_up_resubmit
from signatories.sign import journey
from signatories.sign.limits import EMAIL_LIMIT
from signatories.sign.link_problems import link_problem, use_link
from signatories.sign.messages import refusal_message
from signatories.sign.summary import answer_sections


def _check_answers_page(request, data: dict, *, errors: list | None = None, status: int = 200):
    return render(
        request,
        "sign/check_answers.html",
        {
            "page_title": "Check your answers before sending them",
            "errors": errors or [],
            "data": data,
            "sections": answer_sections(data),
            "editing": journey.is_editing(data),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**EMAIL_LIMIT)
def check_answers(request: HttpRequest) -> HttpResponse:
    data = journey.answers(request.session)
    if request.method == "POST" and honeypot_filled(request):
        # Treated as sent, saving nothing and giving no reference (see honeypot_filled).
        journey.clear(request.session)
        return render(
            request, "sign/confirmation.html", {"page_title": "Check your email", "sent": None}
        )
    missing = journey.first_missing_step(data)
    if missing:
        return redirect(missing)
    if request.method != "POST":
        return _check_answers_page(request, data)
    if journey.is_editing(data):
        return _send_changes(request, data)
    return _send_answers(request, data)


def _send_answers(request: HttpRequest, data: dict) -> HttpResponse:
    try:
        sign_up = journey.submit(data)
    except OrganisationAlreadySigning as refused:
        message = {"text": refusal_message(refused), "href": "#organisation-answer"}
        return _check_answers_page(request, data, errors=[message], status=409)
    journey.clear(request.session)
    return _sent(request, sign_up, changes=False)


def _send_changes(request: HttpRequest, data: dict) -> HttpResponse:
    token = data["edit_token"]
    link = find_link(token=token, purpose=LinkPurpose.EDIT)
    sign_up = None
    if link:
        sign_up = use_link(sign_up_resubmit, link=link, answers=journey.service_answers(data))
    # Whether or not the link worked, these answers cannot be sent again.
    journey.clear(request.session)
    if sign_up is None:
        return link_problem(request, token=token, purpose=LinkPurpose.EDIT)
    return _sent(request, sign_up, changes=True)


def _sent(request: HttpRequest, sign_up: SignUp, *, changes: bool) -> HttpResponse:
    request.session["sign_up_sent"] = {
        "reference": sign_up.reference,
        "email": sign_up.officer_email,
        "changes": changes,
    }
    return redirect("sign:confirmation")


@never_cache
@require_safe
def confirmation(request: HttpRequest) -> HttpResponse:
    sent = request.session.get("sign_up_sent")
    if not sent:
        return redirect("sign:start")
    title = "Changes sent" if sent["changes"] else "Check your email"
    return render(request, "sign/confirmation.html", {"page_title": title, "sent": sent})
