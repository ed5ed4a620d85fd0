"""The sign-up journey: GOV.UK question pages, check your answers, and the
pages that the emailed single-use links open.

Each view reads like a list of guards: honeypot, then the form, then the service.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from declaration.models import Declaration, Principle, ServiceArea
from localdigital.core.forms import honeypot_filled
from localdigital.core.lists import search_text
from localdigital.core.ratelimit import rate_limit
from localdigital.core.tokens import hash_token
from signatories import forms, journey
from signatories.models import (
    LinkPurpose,
    Organisation,
    OrganisationType,
    SignUp,
    SignUpLink,
    SignUpState,
)
from signatories.services import (
    OrganisationAlreadySigning,
    find_link,
    sign_up_confirm_email,
    sign_up_resend_confirmation,
    sign_up_resubmit,
    sign_up_sign,
)
from signatories.workflow import IllegalMove

# Enough for a person answering every question, correcting mistakes and
# changing answers several times; far too few to flood the site.
QUESTION_LIMIT = {"scope": "sign-questions", "limit": 60, "per_seconds": 10 * 60}
# Pages whose POST sends an email: few are ever needed.
EMAIL_LIMIT = {"scope": "sign-email", "limit": 5, "per_seconds": 60 * 60}
# Pages opened from an emailed link; each link works once, so a handful is plenty.
LINK_LIMIT = {"scope": "sign-links", "limit": 20, "per_seconds": 60 * 60}

# The most organisations listed as radios after a search without JavaScript.
SEARCH_RESULTS = 30


def _changing(request: HttpRequest) -> bool:
    return request.GET.get("change") == "1"


def _already_signing_message(organisation_name: str) -> str:
    return (
        f"{organisation_name} has already signed the declaration, or someone there is "
        f"signing it now. An organisation can sign only once. If you think this is wrong, "
        f"contact the Local Digital team at {settings.CONTACT_EMAIL}."
    )


def _organisation_choices():
    # The register's current organisations, and those typed in by earlier sign-ups.
    return Organisation.objects.current()


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "sign/start.html", {"page_title": "Sign the Local Digital Declaration"})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def organisation(request: HttpRequest) -> HttpResponse:
    data = journey.answers(request.session)
    changing = _changing(request)
    if journey.is_editing(data):
        # A sign-up being changed stays with its organisation.
        return redirect("sign:check-answers")
    query = search_text(request.GET.get("q") or request.POST.get("q") or "")[:100]
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(journey.next_page("sign:organisation", data, changing=changing))
        if request.POST.get("organisation") == "not-listed":
            return redirect(reverse("sign:organisation-not-listed") + ("?change=1" * changing))
        form = forms.OrganisationChoiceForm(request.POST, choices_queryset=_organisation_choices())
        if form.is_valid():
            chosen = form.cleaned_data["organisation"]
            if SignUp.objects.live().filter(organisation=chosen).exists():
                form.add_error(
                    "organisation",
                    ValidationError(
                        _already_signing_message(chosen.name), code="organisation_already_signing"
                    ),
                )
            else:
                journey.save(
                    request.session, {"organisation_id": chosen.pk, "new_organisation": None}
                )
                data = journey.answers(request.session)
                return redirect(journey.next_page("sign:organisation", data, changing=changing))
    else:
        form = forms.OrganisationChoiceForm(
            initial={"organisation": data.get("organisation_id")},
            choices_queryset=_organisation_choices(),
        )
    results = _organisation_choices().search(query)[:SEARCH_RESULTS] if query else None
    return render(
        request,
        "sign/organisation.html",
        {
            "page_title": "Which organisation are you signing for?",
            "form": form,
            "query": query,
            "results": results,
            "organisations": None if query else _organisation_choices().only("pk", "name"),
            "selected": str(form.value("organisation") or ""),
            "back": journey.previous_page("sign:organisation", data, changing=changing),
            "changing": changing,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def organisation_not_listed(request: HttpRequest) -> HttpResponse:
    data = journey.answers(request.session)
    changing = _changing(request)
    if journey.is_editing(data):
        return redirect("sign:check-answers")
    known = _organisation_choices()
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(journey.next_page("sign:organisation", data, changing=changing))
        form = forms.NewOrganisationForm(request.POST, known_organisations=known)
        if form.is_valid():
            journey.save(
                request.session,
                {
                    "organisation_id": None,
                    "new_organisation": {
                        "name": form.cleaned_data["name"],
                        "organisation_type": form.cleaned_data["organisation_type"],
                    },
                },
            )
            data = journey.answers(request.session)
            return redirect(journey.next_page("sign:organisation", data, changing=changing))
    else:
        form = forms.NewOrganisationForm(
            initial=data.get("new_organisation") or {}, known_organisations=known
        )
    return render(
        request,
        "sign/organisation_not_listed.html",
        {
            "page_title": "Tell us about your organisation",
            "form": form,
            "organisation_types": OrganisationType.choices,
            "changing": changing,
        },
    )


def _question(
    request: HttpRequest,
    *,
    step: str,
    form_class,
    template_name: str,
    page_title: str,
    to_session=None,
    from_session=None,
    form_kwargs: dict | None = None,
    extra: dict | None = None,
) -> HttpResponse:
    """A question page: show the saved answers, check what is sent, keep it, move on."""
    data = journey.answers(request.session)
    changing = _changing(request)
    form_kwargs = form_kwargs or {}
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(journey.next_page(step, data, changing=changing))
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            values = to_session(form.cleaned_data) if to_session else form.cleaned_data
            journey.save(request.session, values)
            data = journey.answers(request.session)
            return redirect(journey.next_page(step, data, changing=changing))
    else:
        initial = from_session(data) if from_session else data
        form = form_class(initial=initial, **form_kwargs)
    return render(
        request,
        template_name,
        {
            "page_title": page_title,
            "form": form,
            "back": journey.previous_page(step, data, changing=changing),
            "organisation_name": _organisation_name(data),
            **(extra or {}),
        },
    )


def _organisation_name(data: dict) -> str:
    if data.get("new_organisation"):
        return data["new_organisation"]["name"]
    organisation = journey.chosen_organisation(data)
    return organisation.name if organisation else "your organisation"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def your_details(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:your-details",
        form_class=forms.OfficerForm,
        template_name="sign/your_details.html",
        page_title="Your details",
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def senior_approver(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:senior-approver",
        form_class=forms.ApproverForm,
        template_name="sign/senior_approver.html",
        page_title="Who will sign for your organisation?",
        form_kwargs={
            "officer_email": journey.answers(request.session).get("officer_email", ""),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def commitment(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:commitment",
        form_class=forms.CommitmentForm,
        template_name="sign/commitment.html",
        page_title="Your declaration project",
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def principles(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:principles",
        form_class=forms.PrinciplesForm,
        template_name="sign/principles.html",
        page_title="Which principles does your project put into practice?",
        to_session=lambda cleaned: {"principles": [p.number for p in cleaned["principles"]]},
        from_session=lambda data: {"principles": data.get("principles", [])},
        extra={"principles": Principle.objects.in_order()},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def service_area(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:service-area",
        form_class=forms.ServiceAreaForm,
        template_name="sign/service_area.html",
        page_title="Which service area is your project about?",
        to_session=lambda cleaned: {"service_area": cleaned["service_area"].slug},
        extra={"service_areas": ServiceArea.objects.all()},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def authority(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:authority",
        form_class=forms.AuthorityForm,
        template_name="sign/authority.html",
        page_title="Confirm you can submit this",
    )


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


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**EMAIL_LIMIT)
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    sent = request.session.get("sign_up_sent") or {}
    if request.method == "POST":
        if honeypot_filled(request):
            return _resend_done(request)
        token = request.POST.get("token", "")
        if token:
            link = (
                SignUpLink.objects.select_related("sign_up")
                .filter(token_hash=hash_token(token), purpose=LinkPurpose.CONFIRM_EMAIL)
                .first()
            )
            if link:
                sign_up_resend_confirmation(sign_up=link.sign_up)
            return _resend_done(request)
        form = forms.ResendForm(request.POST)
        if form.is_valid():
            sign_up = SignUp.objects.filter(
                reference=form.cleaned_data["reference"],
                officer_email__iexact=form.cleaned_data["email"],
                state=SignUpState.AWAITING_CONFIRMATION,
            ).first()
            if sign_up:
                sign_up_resend_confirmation(sign_up=sign_up)
            # The same answer whether or not the details matched, so that the
            # page cannot be used to find out who is signing up.
            return _resend_done(request)
    else:
        form = forms.ResendForm(
            initial={"reference": sent.get("reference", ""), "email": sent.get("email", "")}
        )
    return render(
        request,
        "sign/resend.html",
        {"page_title": "Get a new confirmation link", "form": form},
    )


def _resend_done(request: HttpRequest) -> HttpResponse:
    return render(request, "sign/resent.html", {"page_title": "We have sent a new link"})


def _link_problem(request: HttpRequest, *, token: str, purpose: LinkPurpose) -> HttpResponse:
    """Explain why an emailed link no longer works, and what to do about it."""
    link = (
        SignUpLink.objects.select_related("sign_up")
        .filter(token_hash=hash_token(token), purpose=purpose)
        .first()
    )
    if link is None:
        problem, status = "unknown", 404
    elif link.used_at is not None:
        problem, status = "used", 410
    else:
        problem, status = "expired", 410
    can_resend = (
        problem == "expired"
        and purpose == LinkPurpose.CONFIRM_EMAIL
        and link.sign_up.state == SignUpState.AWAITING_CONFIRMATION
    )
    titles = {
        "unknown": "This link does not work",
        "used": "This link has already been used",
        "expired": "This link has expired",
    }
    return render(
        request,
        "sign/link_problem.html",
        {
            "page_title": titles[problem],
            "problem": problem,
            "purpose": purpose.value,
            "can_resend": can_resend,
            "token": token if can_resend else "",
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**LINK_LIMIT)
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    # Email security scanners open links to check them. Opening this one only
    # shows a button; the address is confirmed when a person presses it.
    link = find_link(token=token, purpose=LinkPurpose.CONFIRM_EMAIL)
    if link is None:
        return _link_problem(request, token=token, purpose=LinkPurpose.CONFIRM_EMAIL)
    if request.method != "POST":
        return render(
            request,
            "sign/confirm_email.html",
            {"page_title": "Confirm your email address", "sign_up": link.sign_up},
        )
    try:
        sign_up = sign_up_confirm_email(link=link)
    except IllegalMove:
        sign_up = None
    if sign_up is None:
        return _link_problem(request, token=token, purpose=LinkPurpose.CONFIRM_EMAIL)
    request.session["sign_up_confirmed"] = sign_up.reference
    return redirect("sign:email-confirmed")


@never_cache
@require_safe
def email_confirmed(request: HttpRequest) -> HttpResponse:
    reference = request.session.get("sign_up_confirmed")
    if not reference:
        return redirect("sign:start")
    return render(
        request,
        "sign/email_confirmed.html",
        {"page_title": "Email address confirmed", "reference": reference},
    )


@never_cache
@require_safe
def edit(request: HttpRequest, token: str) -> HttpResponse:
    """The officer's link to make the changes a moderator asked for.

    Opening it only copies the saved answers into this browser's session, so a
    scanner that follows it changes nothing; the changes are sent from check
    your answers, which uses the link.
    """
    link = find_link(token=token, purpose=LinkPurpose.EDIT)
    if link is None or link.sign_up.state != SignUpState.CHANGES_REQUESTED:
        return _link_problem(request, token=token, purpose=LinkPurpose.EDIT)
    sign_up = link.sign_up
    journey.clear(request.session)
    journey.save(
        request.session,
        {
            **journey.from_sign_up(sign_up),
            "edit_token": token,
            "reference": sign_up.reference,
            "changes_advice": sign_up.changes_advice,
        },
    )
    return redirect("sign:check-answers")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**LINK_LIMIT)
def approver_sign(request: HttpRequest, token: str) -> HttpResponse:
    link = find_link(token=token, purpose=LinkPurpose.SIGN)
    if link is None:
        return _link_problem(request, token=token, purpose=LinkPurpose.SIGN)
    sign_up = link.sign_up
    form_kwargs = {"approver_name": sign_up.approver_name}
    if request.method == "POST":
        form = forms.ApproverSignForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                signed = sign_up_sign(link=link, typed_name=form.cleaned_data["typed_name"])
            except IllegalMove:
                signed = None
            if signed is None:
                return _link_problem(request, token=token, purpose=LinkPurpose.SIGN)
            request.session["sign_up_signed"] = {
                "reference": signed.reference,
                "organisation": signed.organisation.name,
            }
            return redirect("sign:signed")
    else:
        form = forms.ApproverSignForm(**form_kwargs)
    return render(
        request,
        "sign/approver_sign.html",
        {
            "page_title": f"Sign the Local Digital Declaration for {sign_up.organisation.name}",
            "form": form,
            "sign_up": sign_up,
            "commitment": sign_up.commitment,
            "declaration": Declaration.objects.first(),
            "principles": Principle.objects.in_order(),
        },
    )


@never_cache
@require_safe
def signed(request: HttpRequest) -> HttpResponse:
    done = request.session.get("sign_up_signed")
    if not done:
        return redirect("sign:start")
    return render(request, "sign/signed.html", {"page_title": "Declaration signed", "signed": done})
