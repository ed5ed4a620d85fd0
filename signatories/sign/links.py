"""The pages opened by the single-use links we email: confirm your email
address (and get a new link), make the changes asked for, and sign."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from declaration.models import Declaration, Principle
from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from localdigital.core.tokens import hash_token
from signatories.models import LinkPurpose, SignUp, SignUpLink, SignUpState
from signatories.services import (
    find_link,
    sign_up_confirm_email,
    sign_up_resend_confirmation,
    sign_up_sign,
)
from signatories.sign import forms, journey
from signatories.sign.limits import EMAIL_LIMIT, LINK_LIMIT
from signatories.workflow import IllegalMove


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
