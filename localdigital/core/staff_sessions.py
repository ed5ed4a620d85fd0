"""Who counts as signed-in staff, and how long a staff session lasts.

Staff are signed in only once they have given their password and a code
from their second factor (localdigital.core.staff_sign_in). Their session
then ends after 30 minutes without a request, and 12 hours after signing in
whatever they do: the admin reads every bid and removes signatories, so a
computer left unlocked, or a session taken, is worth little for long.

Officers who bid have no accounts and their own rules
(funding.officer_session): this middleware leaves their sessions alone.
"""

import datetime
import time

from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.signals import user_logged_out
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

IDLE_LIMIT = datetime.timedelta(minutes=30)
LONGEST = datetime.timedelta(hours=12)
# How stale the "last seen" time may get before it is written again: saving
# the session on every single request would cost a write each time.
SEEN_PRECISION_SECONDS = 60

# The session itself is kept a little past the idle limit, so that someone
# coming back to a signed-out session is told why; it can do nothing then.
KEPT_FOR_SECONDS = int((IDLE_LIMIT + datetime.timedelta(minutes=30)).total_seconds())

SIGNED_IN_AT = "staff_signed_in_at"
LAST_SEEN_AT = "staff_last_seen_at"


def is_signed_in_staff(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Active staff who proved a second factor in this session (django-otp's
    middleware says which device did)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(user.is_active and user.is_staff and is_verified is not None and is_verified())


def start(session: SessionBase) -> None:
    """Start the clocks of a staff session that has just signed in."""
    now = time.time()
    session[SIGNED_IN_AT] = now
    session[LAST_SEEN_AT] = now
    session.set_expiry(KEPT_FOR_SECONDS)


def _why_over(session: SessionBase, now: float) -> str | None:
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen_at = session.get(LAST_SEEN_AT)
    if signed_in_at is None or last_seen_at is None:
        # Signed in some other way than our sign-in pages (or before they
        # existed): sign in again, with a second factor.
        return "Sign in again to continue."
    if now - signed_in_at > LONGEST.total_seconds():
        return "You were signed out because you had been signed in for 12 hours. Sign in again to continue."
    if now - last_seen_at > IDLE_LIMIT.total_seconds():
        return "You were signed out after 30 minutes without activity. Sign in again to continue."
    return None


def _within_limits(request: HttpRequest, user):
    """`user`, or, if their staff session is over, nobody (and it is ended)."""
    if not (user.is_authenticated and user.is_staff):
        return user
    now = time.time()
    reason = _why_over(request.session, now)
    if reason:
        # As auth.logout does, without setting request.user, which is being worked out.
        user_logged_out.send(sender=type(user), request=request, user=user)
        request.session.flush()
        messages.info(request, reason)
        return AnonymousUser()
    if now - request.session[LAST_SEEN_AT] >= SEEN_PRECISION_SECONDS:
        request.session[LAST_SEEN_AT] = now
        request.session.set_expiry(KEPT_FOR_SECONDS)
    return user


class StaffSessionLimitsMiddleware:
    """Ends a staff session that has been idle or open too long.

    The check is made when a view first asks who the user is, as Django's
    own AuthenticationMiddleware works it out: pages that never ask (most
    public ones) read no session for it. After AuthenticationMiddleware and
    OTPMiddleware, whose user it checks, and MessageMiddleware: it leaves a
    message for the sign-in page the visitor is sent to next.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = request.user
        request.user = SimpleLazyObject(lambda: _within_limits(request, user))
        return self.get_response(request)
