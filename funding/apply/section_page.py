"""What every section page shares: its addresses, what it shows around its
forms, the page shown instead once the bid cannot change, and saving.

Every section page is one address, /fund/apply/bids/<pk>/<section>/, whose
forms all post back to it: the fields and "Have you completed this
section?", and on some pages the buttons that add or remove a partner, a
cost or a file. Whatever passes its format checks is saved at once, complete
or not, so that nothing typed is lost; only "Yes, I've completed this
section" asks whether anything is missing (funding.sections).
"""

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from funding import section_forms, sections, services
from funding.apply.links import section_url
from funding.models import Bid, BidState, Section


def returning_to_check(request: HttpRequest) -> bool:
    """Whether the officer came from check your answers, and goes back there when done."""
    return request.GET.get("return") == "check"


def page_url(request: HttpRequest, bid: Bid, section: str, *, anchor: str = "") -> str:
    """This section's address, still returning to check your answers if it was."""
    return section_url(bid, section, back_to_check=returning_to_check(request), anchor=anchor)


def done_url(request: HttpRequest, bid: Bid) -> str:
    """Where "Save and continue" leads: the task list, or back to check your answers."""
    name = "apply:check-answers" if returning_to_check(request) else "apply:bid"
    return reverse(name, kwargs={"pk": bid.pk})


def completed_initial(bid: Bid, section: str) -> str:
    """The answer to "Have you completed this section?" to show when the page opens."""
    found = sections.status(bid, section)
    if found == sections.Status.COMPLETED:
        return "yes"
    if found == sections.Status.IN_PROGRESS:
        return "no"
    return ""


def chosen_id(value: str) -> int | None:
    """A posted row id, if it looks like one (a made-up huge number is not looked up)."""
    return int(value) if re.fullmatch(r"[0-9]{1,12}", value or "") else None


def render_section(
    request: HttpRequest,
    bid: Bid,
    section: Section,
    context: dict,
    *,
    errors: list[dict],
    status: int = 200,
) -> HttpResponse:
    """A section page, with what every one of them shows around its forms."""
    return render(
        request,
        f"fund/apply/sections/{section.value}.html",
        {
            "page_title": section.label,
            "nav_section": "fund",
            "error_title": bool(errors),
            "errors": errors,
            "notices": [str(message) for message in messages.get_messages(request)],
            "bid": bid,
            "section": section,
            "caption": f"{bid.title or 'Untitled bid'}, led by {bid.lead.name}",
            "form_action": page_url(request, bid, section),
            "back_url": done_url(request, bid),
            **context,
        },
        status=status,
    )


def not_editable(request: HttpRequest, bid: Bid) -> HttpResponse:
    """What an officer sees instead of a form once the bid cannot be changed."""
    withdrawn = bid.state == BidState.WITHDRAWN
    return render(
        request,
        "fund/apply/sections/not_editable.html",
        {
            "page_title": (
                "This bid has been withdrawn and can no longer be changed"
                if withdrawn
                else "This bid has been submitted and can no longer be changed"
            ),
            "nav_section": "fund",
            "bid": bid,
        },
        # A change that came too late is refused; reading the page is fine.
        status=409 if request.method == "POST" else 200,
    )


def save_section(*, bid: Bid, section: str, form: section_forms.SectionForm) -> bool:
    """Save what passed its checks, and the answer to the question when it can count;
    return whether everything was taken (nothing refused, nothing missing).

    A "Yes" is not recorded while some field was refused: that field still
    holds its old value, so "complete" would be about answers the officer
    has just replaced.

    Raises: services.BidNotEditable.
    """
    form.is_valid()
    said = form.said_completed()
    completed = None if said and form.has_format_errors() else said
    problems = services.bid_save_section(
        bid=bid, section=section, values=form.section_values(), completed=completed
    )
    form.add_problems(problems)
    return not form.has_errors
