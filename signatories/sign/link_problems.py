"""Why an emailed link no longer works, and the page that says so and what to
do about it. Every page opened by a link, and sending changes made through
one, ends here when the link cannot be used."""

from collections.abc import Callable
from enum import StrEnum

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from signatories.models import LinkPurpose, SignUp, SignUpLink
from signatories.services import find_any_link, may_resend_confirmation
from signatories.workflow import IllegalMove


class LinkProblem(StrEnum):
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"


# Each problem's page title and status; the template explains each in full.
TITLES = {
    LinkProblem.UNKNOWN: "This link does not work",
    LinkProblem.USED: "This link has already been used",
    LinkProblem.EXPIRED: "This link has expired",
}
STATUSES = {LinkProblem.UNKNOWN: 404, LinkProblem.USED: 410, LinkProblem.EXPIRED: 410}


def use_link(service: Callable[..., SignUp | None], **kwargs) -> SignUp | None:
    """Call a service that uses an emailed link; None if the link could not be used.

    The services return None when someone used the link first, and raise
    IllegalMove when the sign-up has moved on; either way the person sees
    link_problem.
    """
    try:
        return service(**kwargs)
    except IllegalMove:
        return None


def _problem(link: SignUpLink | None) -> LinkProblem:
    if link is None:
        return LinkProblem.UNKNOWN
    if link.used_at is not None:
        return LinkProblem.USED
    # Unused but refused: it has expired, was closed (its sign-up rejected or
    # removed), or its sign-up has moved on.
    return LinkProblem.EXPIRED


def link_problem(request: HttpRequest, *, token: str, purpose: LinkPurpose) -> HttpResponse:
    """Explain why an emailed link no longer works, and what to do about it."""
    link = find_any_link(token=token, purpose=purpose)
    problem = _problem(link)
    can_resend = (
        problem == LinkProblem.EXPIRED
        and purpose == LinkPurpose.CONFIRM_EMAIL
        and may_resend_confirmation(link.sign_up)
    )
    return render(
        request,
        "sign/link_problem.html",
        {
            "page_title": TITLES[problem],
            "problem": problem,
            "purpose": purpose.value,
            "can_resend": can_resend,
            "token": token if can_resend else "",
        },
        status=STATUSES[problem],
    )
