"""Staff sign in to the admin in two steps: their password, then a code.

A correct password does not sign anyone in. It is remembered in the session,
for a few minutes, as "password given for this user", and the visitor is
asked for the code their authenticator app shows (or one of their recovery
codes). Only then are they signed in, so nothing on the site ever sees a
user who has given a password alone. A member of staff with no second factor
yet (a new account) sets up their app instead, straight after their
password, and is shown their recovery codes once.

Wrong passwords are counted by django-axes, per account and per address,
and lock sign-in for a while (`locked_out` is the page it shows); wrong
codes are slowed down by django-otp, per device.
"""

import ipaddress
import time

import django_otp
from django import forms
from django.conf import settings
from django.contrib import admin, auth
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from localdigital.core import staff_devices, staff_sessions
from localdigital.core.ratelimit import client_address

PENDING = "staff_sign_in_pending"
RECOVERY_CODES = "staff_recovery_codes"
# How long a password, once given, waits for its code.
PENDING_FOR_SECONDS = 10 * 60


class CodeForm(forms.Form):
    # Drawn by admin/staff_sign_in/_code_field.html, with its hint and its
    # error tied to it for screen readers.
    code = forms.CharField(
        label="Code",
        max_length=64,
        error_messages={
            "required": "Enter the code from your authenticator app",
            "max_length": "Enter the 6-digit code from your authenticator app",
        },
    )


class StaffAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form, refusing a username longer than any account's
    before the password is checked (Django's form sets a limit it does not
    enforce), so that django-axes never has one too long to store."""

    def clean_username(self):
        username = self.cleaned_data["username"]
        if len(username) > self.fields["username"].max_length:
            raise forms.ValidationError(
                "Enter a username of %(limit)s characters or fewer",
                params={"limit": self.fields["username"].max_length},
            )
        return username


class PasswordStep(LoginView):
    """The admin's own sign-in form (and its checks: active, staff), whose
    success leads to the code rather than signing in."""

    template_name = "admin/login.html"
    authentication_form = StaffAuthenticationForm

    def get_default_redirect_url(self):
        return reverse("admin:index")

    def form_valid(self, form):
        user = form.get_user()
        # A new session key: nothing planted in the browser before survives.
        self.request.session.cycle_key()
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
            "next": self.get_success_url(),
        }
        if staff_devices.has_second_factor(user):
            return redirect("admin:sign-in-code")
        return redirect("admin:sign-in-set-up")


def _pending(request: HttpRequest) -> tuple[dict, object] | None:
    """The sign-in under way in this session, and its user, while it is fresh."""
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_FOR_SECONDS:
        return None
    user = auth.get_user_model().objects.filter(pk=pending["user"]).first()
    if user is None or not (user.is_active and user.is_staff):
        return None
    return pending, user


def _finish(request: HttpRequest, pending: dict, user, device) -> None:
    """Sign the user in, with the device that proved them."""
    del request.session[PENDING]
    auth.login(request, user, backend=pending["backend"])
    django_otp.login(request, device)
    staff_sessions.start(request.session)


def _page(request: HttpRequest, site, template: str, title: str, **context) -> HttpResponse:
    return render(
        request,
        f"admin/staff_sign_in/{template}",
        {**site.each_context(request), "title": title, "subtitle": None, **context},
    )


def _start_again(request: HttpRequest) -> HttpResponse:
    request.session.pop(PENDING, None)
    return redirect("admin:login")


@never_cache
@sensitive_post_parameters("code")
@csrf_protect
def code_step(request: HttpRequest, site) -> HttpResponse:
    """Ask for the code from the app, or a recovery code."""
    found = _pending(request)
    if found is None:
        return _start_again(request)
    pending, user = found
    if not staff_devices.has_second_factor(user):
        return redirect("admin:sign-in-set-up")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        check = staff_devices.check_code(user, form.cleaned_data["code"])
        if check.device is not None:
            _finish(request, pending, user, check.device)
            return redirect(pending["next"])
        if check.wait_seconds:
            form.add_error(
                "code",
                f"Too many wrong codes. Wait {_seconds(check.wait_seconds)}, then enter the code your app shows",
            )
        else:
            form.add_error(
                "code",
                "That code is not right. Enter the code your app shows now, or a recovery code you have not used",
            )
    return _page(request, site, "code.html", "Enter your code", form=form)


@never_cache
@sensitive_post_parameters("code")
@csrf_protect
def set_up_step(request: HttpRequest, site) -> HttpResponse:
    """First sign-in: set up an authenticator app with a new secret."""
    found = _pending(request)
    if found is None:
        return _start_again(request)
    pending, user = found
    if staff_devices.has_second_factor(user):
        # Setting up happens once: a second app needs the first one's owner,
        # through an administrator, not just the password.
        return redirect("admin:sign-in-code")
    # The secret waits in the session until a code proves the app has it.
    secret = pending.setdefault("secret", staff_devices.new_secret())
    request.session.modified = True
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            enrolment = staff_devices.enrol(user, secret_hex=secret, code=form.cleaned_data["code"])
        except staff_devices.AlreadyEnrolled:
            return redirect("admin:sign-in-code")
        if enrolment is not None:
            _finish(request, pending, user, enrolment.authenticator)
            request.session[RECOVERY_CODES] = {
                "codes": enrolment.recovery_codes,
                "next": pending["next"],
            }
            return redirect("admin:sign-in-recovery-codes")
        form.add_error(
            "code",
            "That code is not right. Check the app shows Local Digital, then enter the code it shows now",
        )
    return _page(
        request,
        site,
        "set_up.html",
        "Set up your authenticator app",
        form=form,
        qr_code=staff_devices.qr_code_image(staff_devices.setup_address(user, secret)),
        secret=staff_devices.secret_for_people(secret),
    )


@never_cache
def recovery_codes(request: HttpRequest, site) -> HttpResponse:
    """The recovery codes just made, shown this once (behind the admin's sign-in)."""
    shown = request.session.get(RECOVERY_CODES)
    if not shown:
        return redirect("admin:index")
    if request.method == "POST":
        del request.session[RECOVERY_CODES]
        return redirect(shown["next"])
    return _page(
        request,
        site,
        "recovery_codes.html",
        "Your recovery codes",
        codes=shown["codes"],
    )


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes's answer once sign-in is locked: the admin's look, and why."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = _page(
        request,
        admin.site,
        "locked_out.html",
        "Sign-in is locked for now",
        minutes=minutes,
        failure_limit=settings.AXES_FAILURE_LIMIT,
    )
    response.status_code = 429
    response["Retry-After"] = str(minutes * 60)
    return response


def client_ip(request: HttpRequest) -> str | None:
    """The address django-axes counts by: the visitor's, as the rate limits
    see it, when it is an IP address (axes stores it as one); else none."""
    address = client_address(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def _seconds(seconds: int) -> str:
    return "1 second" if seconds == 1 else f"{seconds} seconds"
