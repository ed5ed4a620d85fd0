"""Who is signed in to bid, and which bids they may see.

Officers have no accounts: signing in by an emailed link puts the address
they proved in their session, and what they may do follows from the
organisations that address belongs to (funding.officers).
"""

import datetime
import functools
from collections.abc import Callable
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import rotate_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from funding.models import Bid
from funding.officers import organisations_of
from localdigital.core.staff_sessions import is_signed_in_staff

SESSION_KEY = "fund_officer_email"
SIGNED_IN_FOR = datetime.timedelta(hours=8)


def signed_in_email(request: HttpRequest) -> str | None:
    return request.session.get(SESSION_KEY)


def sign_in(request: HttpRequest, *, email: str) -> None:
    # A new session key and CSRF token, so that any planted in the browser
    # before signing in are worth nothing afterwards (as Django's own login does).
    request.session.cycle_key()
    rotate_token(request)
    request.session[SESSION_KEY] = email
    # A working day, then sign in again: a shared office computer left signed
    # in is not someone's way into the bid for a fortnight.
    request.session.set_expiry(SIGNED_IN_FOR)


def sign_out(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


def safe_next(request: HttpRequest, value: str | None, *, default: str) -> str:
    """`value` if it is an address on this site, else `default`."""
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return default


def redirect_to_sign_in(request: HttpRequest) -> HttpResponse:
    """To the sign-in page, then back to the page asked for."""
    return redirect(reverse("apply:sign-in") + "?" + urlencode({"next": request.get_full_path()}))


def officer_required(view: Callable) -> Callable:
    """Send visitors who are not signed in to the sign-in page, then back here."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not signed_in_email(request):
            return redirect_to_sign_in(request)
        return view(request, *args, **kwargs)

    return wrapped


def may_see_bid(request: HttpRequest, bid: Bid) -> bool:
    """Officers of the lead council, and signed-in staff who may view bids, may see a bid."""
    user = getattr(request, "user", None)
    if user is not None and is_signed_in_staff(user) and user.has_perm("funding.view_bid"):
        return True
    email = signed_in_email(request)
    return bool(email) and organisations_of(email).filter(pk=bid.lead_id).exists()


def officer_bid(request: HttpRequest, pk: int, queryset=None) -> Bid:
    """The bid `pk` if the signed-in officer's organisation leads it; 404 otherwise.

    404 rather than 403: whether a bid with that number exists is none of
    their business either.
    """
    email = signed_in_email(request)
    bid = (queryset if queryset is not None else Bid.objects.with_answers()).filter(pk=pk).first()
    if bid is None or not email or not organisations_of(email).filter(pk=bid.lead_id).exists():
        raise Http404("No such bid.")
    return bid
