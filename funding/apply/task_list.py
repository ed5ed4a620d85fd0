"""A draft's task list: each section with its status, then check your answers."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from funding import sections
from funding.apply.links import section_url, your_bids_url
from funding.apply.sent_bid import sent_bid
from funding.models import Bid, Section
from funding.officer_session import officer_bid, officer_required

# A section's status as the task list component shows it, following the
# Design System: Completed and Cannot start yet as plain text, others as tags.
STATUS_DISPLAY = {
    sections.Status.COMPLETED: {"text": "Completed"},
    sections.Status.IN_PROGRESS: {
        "tag": {"text": "In progress", "classes": "govuk-tag--light-blue"}
    },
    sections.Status.NOT_STARTED: {"tag": {"text": "Not started", "classes": "govuk-tag--blue"}},
    sections.Status.CANNOT_START: {
        "text": "Cannot start yet",
        "classes": "govuk-task-list__status--cannot-start-yet",
    },
}
ROUND_CLOSED = {"text": "Round closed", "classes": "govuk-task-list__status--cannot-start-yet"}


def _check_and_submit_item(bid: Bid, *, round_open: bool) -> dict:
    """The last task, which opens once every section is complete, while the round is open."""
    item = {"title": {"text": "Check your answers and submit"}}
    if not round_open:
        return item | {"status": ROUND_CLOSED}
    status = sections.check_and_submit_status(bid)
    item["status"] = STATUS_DISPLAY[status]
    if status != sections.Status.CANNOT_START:
        item["href"] = reverse("apply:check-answers", kwargs={"pk": bid.pk})
    return item


def _task_list_items(bid: Bid, *, round_open: bool) -> tuple[list[dict], int]:
    """The task list's items, and how many sections are complete."""
    found = sections.statuses(bid)
    items = [
        {
            "title": {"text": Section(section).label},
            "href": section_url(bid, section),
            "status": STATUS_DISPLAY[status],
        }
        for section, status in found.items()
    ]
    items.append(_check_and_submit_item(bid, round_open=round_open))
    completed = sum(status == sections.Status.COMPLETED for status in found.values())
    return items, completed


@never_cache
@require_safe
@officer_required
def task_list(request: HttpRequest, pk: int) -> HttpResponse:
    bid = officer_bid(request, pk)
    if not bid.is_editable:
        return sent_bid(request, bid)
    round_open = bid.round.is_open()
    items, completed = _task_list_items(bid, round_open=round_open)
    return render(
        request,
        "fund/apply/task_list.html",
        {
            "page_title": bid.title or "Your bid",
            "bid": bid,
            "items": items,
            "completed": completed,
            "total": len(Section.values),
            "round_open": round_open,
            "round_not_yet_open": not round_open and not bid.round.has_closed(),
            "back": your_bids_url(),
        },
    )
