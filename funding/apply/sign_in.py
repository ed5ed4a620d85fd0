"""Signing in to bid by an emailed link, and signing out."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from funding import forms, officer_session, services
from funding.apply.limits import LINK_LIMIT, QUESTION_LIMIT, SIGN_IN_LIMIT
from funding.apply.links import your_bids_url
from funding.officer_session import safe_next, signed_in_email
from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import client_address, rate_limit

# What signing in keeps in the visitor's session.
NEXT_KEY = "fund_sign_in_next"  # where to go once signed in
SENT_TO_KEY = "fund_sign_in_sent_to"  # the address a link was asked for, to show it
SIGNED_OUT_KEY = "fund_signed_out"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**SIGN_IN_LIMIT)
def sign_in(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    next_url = safe_next(request, source.get("next"), default=your_bids_url())
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect("apply:sign-in-check-email")
        form = forms.SignInForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            # The same answer for every address, known or not (see the service).
            services.sign_in_request(email=email, asked_from=client_address(request))
            request.session[NEXT_KEY] = next_url
            request.session[SENT_TO_KEY] = email
            return redirect("apply:sign-in-check-email")
    else:
        form = forms.SignInForm()
    return render(
        request,
        "fund/apply/sign_in.html",
        {
            "page_title": "Sign in to bid",
            "form": form,
            "next": next_url if next_url != your_bids_url() else "",
        },
    )


@never_cache
@require_safe
def check_email(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "fund/apply/check_email.html",
        {
            "page_title": "Check your email",
            "email": request.session.get(SENT_TO_KEY, ""),
            "minutes": services.sign_in_link_minutes(),
        },
    )


def _link_expired(request: HttpRequest) -> HttpResponse:
    # One page and one status for a link that is unknown, used or too old:
    # which of them it is helps nobody but someone guessing links.
    return render(
        request,
        "fund/apply/link_expired.html",
        {
            "page_title": "This link has expired or has been used",
            "minutes": services.sign_in_link_minutes(),
        },
        status=410,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**LINK_LIMIT)
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    # Email security scanners open links to check them. Opening this one only
    # shows a button; the link is used when a person presses it.
    if request.method != "POST":
        link = services.sign_in_link_find(token=token)
        if link is None:
            return _link_expired(request)
        return render(
            request,
            "fund/apply/sign_in_link.html",
            {"page_title": "Sign in to bid", "email": link.email},
        )
    email = services.sign_in_link_use(token=token)
    if email is None:
        return _link_expired(request)
    next_url = request.session.pop(NEXT_KEY, None)
    request.session.pop(SENT_TO_KEY, None)
    officer_session.sign_in(request, email=email)
    return redirect(safe_next(request, next_url, default=your_bids_url()))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        officer_session.sign_out(request)
        request.session[SIGNED_OUT_KEY] = True
        return redirect("apply:sign-out")
    email = signed_in_email(request)
    just_signed_out = bool(request.session.pop(SIGNED_OUT_KEY, False)) and not email
    if email:
        title = "Sign out"
    elif just_signed_out:
        title = "You have signed out"
    else:
        title = "You are not signed in"
    return render(
        request,
        "fund/apply/sign_out.html",
        {"page_title": title, "email": email, "just_signed_out": just_signed_out},
    )
