"""The pages opened by the single-use links we email: confirm your email
address (and get a new link), make the changes asked for, and sign.

Email security scanners open links to check them, so opening one changes
nothing: a person presses a button, or sends from check your answers.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from declaration.models import Declaration, Principle
from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from signatories.models import LinkPurpose, SignUp
from signatories.services import (
    find_any_link,
    find_link,
    sign_up_confirm_email,
    sign_up_resend_confirmation,
    sign_up_sign,
)
from signatories.sign import forms, journey
from signatories.sign.limits import EMAIL_LIMIT, LINK_LIMIT
from signatories.sign.link_problems import link_problem, use_link
from signatories.workflow import allowed_moves


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**EMAIL_LIMIT)
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    """Ask for a new confirmation link by reference and address, or by the
    button on the page about an expired link (which sends its token).

    The answer is the same whether or not anything matched, so that the page
    cannot be used to find out who is signing up.
    """
    if request.method != "POST":
        sent = request.session.get("sign_up_sent") or {}
        initial = {"reference": sent.get("reference", ""), "email": sent.get("email", "")}
        return _resend_page(request, forms.ResendForm(initial=initial))
    if honeypot_filled(request):
        return _resend(request, None)
    token = request.POST.get("token", "")
    if token:
        link = find_any_link(token=token, purpose=LinkPurpose.CONFIRM_EMAIL)
        return _resend(request, link.sign_up if link else None)
    form = forms.ResendForm(request.POST)
    if not form.is_valid():
        return _resend_page(request, form)
    sign_up = SignUp.objects.filter(
        reference=form.cleaned_data["reference"], officer_email__iexact=form.cleaned_data["email"]
    ).first()
    return _resend(request, sign_up)


def _resend_page(request: HttpRequest, form: forms.ResendForm) -> HttpResponse:
    return render(
        request, "sign/resend.html", {"page_title": "Get a new confirmation link", "form": form}
    )


def _resend(request: HttpRequest, sign_up: SignUp | None) -> HttpResponse:
    """Send a new link if there is a sign-up to send it to; answer the same either way."""
    # The service sends nothing to a sign-up no longer waiting for confirmation.
    if sign_up is not None:
        sign_up_resend_confirmation(sign_up=sign_up)
    return render(request, "sign/resent.html", {"page_title": "We have sent a new link"})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**LINK_LIMIT)
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    link = find_link(token=token, purpose=LinkPurpose.CONFIRM_EMAIL)
    if link is None:
        return link_problem(request, token=token, purpose=LinkPurpose.CONFIRM_EMAIL)
    if request.method != "POST":
        return render(
            request,
            "sign/confirm_email.html",
            {"page_title": "Confirm your email address", "sign_up": link.sign_up},
        )
    sign_up = use_link(sign_up_confirm_email, link=link)
    if sign_up is None:
        return link_problem(request, token=token, purpose=LinkPurpose.CONFIRM_EMAIL)
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

    Opening it only copies the saved answers into this browser's session; the
    changes are sent from check your answers, which uses the link.
    """
    link = find_link(token=token, purpose=LinkPurpose.EDIT)
    # It opens only while the changes could still be sent (the workflow's resubmit).
    if link is None or "resubmit" not in allowed_moves(link.sign_up.state):
        return link_problem(request, token=token, purpose=LinkPurpose.EDIT)
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
        return link_problem(request, token=token, purpose=LinkPurpose.SIGN)
    form_kwargs = {"approver_name": link.sign_up.approver_name}
    if request.method != "POST":
        return _approver_sign_page(request, link.sign_up, forms.ApproverSignForm(**form_kwargs))
    form = forms.ApproverSignForm(request.POST, **form_kwargs)
    if not form.is_valid():
        return _approver_sign_page(request, link.sign_up, form)
    signed = use_link(sign_up_sign, link=link, typed_name=form.cleaned_data["typed_name"])
    if signed is None:
        return link_problem(request, token=token, purpose=LinkPurpose.SIGN)
    request.session["sign_up_signed"] = {
        "reference": signed.reference,
        "organisation": signed.organisation.name,
    }
    return redirect("sign:signed")


def _approver_sign_page(
    request: HttpRequest, sign_up: SignUp, form: forms.ApproverSignForm
) -> HttpResponse:
    """The declaration, the project the approver signs up to, and the form to sign."""
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
