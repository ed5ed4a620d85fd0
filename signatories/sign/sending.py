"""Check your answers and sending them: a new sign-up, or the changes a
moderator asked for (the officer came through their edit link)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from signatories.models import LinkPurpose, OrganisationType
from signatories.services import OrganisationAlreadySigning, find_link, sign_up_resubmit
from signatories.sign import journey
from signatories.sign.limits import EMAIL_LIMIT
from signatories.sign.links import _link_problem
from signatories.sign.questions import _already_signing_message, _organisation_name
from signatories.workflow import IllegalMove


def _row(key: str, value, *, page: str | None, hidden: str, html: bool = False) -> dict:
    row = {"key": {"text": key}, "value": {"html": value} if html else {"text": value}}
    if page:
        row["actions"] = {
            "items": [
                {
                    "href": reverse(page) + "?change=1",
                    "text": "Change",
                    "visuallyHiddenText": hidden,
                }
            ]
        }
    return row


def _answer_sections(data: dict) -> list[dict]:
    """Check your answers, section by section, each answer with a link to change it."""
    editing = journey.is_editing(data)
    new = data.get("new_organisation")
    if new:
        kind = OrganisationType(new["organisation_type"]).label
        organisation = f"{new['name']} ({kind}, not yet on our list)"
        organisation_page = "sign:organisation-not-listed"
    else:
        organisation = _organisation_name(data)
        organisation_page = "sign:organisation"
    principle_list = format_html(
        '<ul class="govuk-list">{}</ul>',
        format_html_join(
            "", "<li>{}. {}</li>", ((p.number, p.title) for p in journey.principles(data))
        ),
    )
    area = journey.service_area(data)
    return [
        {
            "id": "organisation-answer",
            "heading": "Organisation",
            "rows": [
                _row(
                    "Organisation",
                    organisation,
                    page=None if editing else organisation_page,
                    hidden="organisation",
                )
            ],
        },
        {
            "id": "officer-answers",
            "heading": "Your details",
            "rows": [
                _row(
                    "Full name",
                    data["officer_name"],
                    page="sign:your-details",
                    hidden="your full name",
                ),
                _row(
                    "Job title",
                    data["officer_job_title"],
                    page="sign:your-details",
                    hidden="your job title",
                ),
                _row(
                    "Email address",
                    data["officer_email"],
                    page="sign:your-details",
                    hidden="your email address",
                ),
            ],
        },
        {
            "id": "approver-answers",
            "heading": "Senior approver",
            "rows": [
                _row(
                    "Full name",
                    data["approver_name"],
                    page="sign:senior-approver",
                    hidden="the senior approver’s name",
                ),
                _row(
                    "Role",
                    data["approver_role"],
                    page="sign:senior-approver",
                    hidden="the senior approver’s role",
                ),
                _row(
                    "Email address",
                    data["approver_email"],
                    page="sign:senior-approver",
                    hidden="the senior approver’s email address",
                ),
            ],
        },
        {
            "id": "project-answers",
            "heading": "Declaration project",
            "rows": [
                _row("Title", data["title"], page="sign:commitment", hidden="the project title"),
                _row(
                    "Partners",
                    data.get("partners") or "None",
                    page="sign:commitment",
                    hidden="the partners",
                ),
                _row("Mission", data["mission"], page="sign:commitment", hidden="the mission"),
                _row("Impact", data["impact"], page="sign:commitment", hidden="the impact"),
                _row(
                    "Principles",
                    principle_list,
                    page="sign:principles",
                    hidden="the principles",
                    html=True,
                ),
                _row(
                    "Service area",
                    area.name if area else "",
                    page="sign:service-area",
                    hidden="the service area",
                ),
            ],
        },
        {
            "id": "authority-answer",
            "heading": "Authority",
            "rows": [
                _row(
                    "You have authority to submit this",
                    "Yes",
                    page="sign:authority",
                    hidden="whether you have authority to submit this",
                )
            ],
        },
    ]


def _check_answers_page(request, data: dict, *, errors: list | None = None, status: int = 200):
    return render(
        request,
        "sign/check_answers.html",
        {
            "page_title": "Check your answers before sending them",
            "errors": errors or [],
            "data": data,
            "sections": _answer_sections(data),
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
    try:
        sign_up = journey.submit(data)
    except OrganisationAlreadySigning:
        name = _organisation_name(data)
        message = {"text": _already_signing_message(name), "href": "#organisation-answer"}
        return _check_answers_page(request, data, errors=[message], status=409)
    journey.clear(request.session)
    request.session["sign_up_sent"] = {
        "reference": sign_up.reference,
        "email": sign_up.officer_email,
        "changes": False,
    }
    return redirect("sign:confirmation")


def _send_changes(request: HttpRequest, data: dict) -> HttpResponse:
    link = find_link(token=data["edit_token"], purpose=LinkPurpose.EDIT)
    try:
        sign_up = (
            sign_up_resubmit(link=link, answers=journey.service_answers(data)) if link else None
        )
    except IllegalMove:
        sign_up = None
    journey.clear(request.session)
    if sign_up is None:
        return _link_problem(request, token=data["edit_token"], purpose=LinkPurpose.EDIT)
    request.session["sign_up_sent"] = {
        "reference": sign_up.reference,
        "email": sign_up.officer_email,
        "changes": True,
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
