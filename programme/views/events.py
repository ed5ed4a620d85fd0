"""Events: upcoming and past, a page each, calendar files and the open data."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from localdigital.core.lists import ListQuery, page_title, paginate
from localdigital.core.open_data import csv_response, json_response
from localdigital.core.page_cache import keep_until
from programme import open_data
from programme.calendar import calendar_for
from programme.models import Event

# Upcoming events are few (a handful a month); past ones are paged.
UPCOMING_SHOWN = 50
PAST_SORTS = {"newest": "Most recent first"}


@require_safe
def event_list(request):
    query = ListQuery.from_request(request, sorts=PAST_SORTS, allowed={})
    past, pagination = paginate(request, Event.objects.past(), query)
    upcoming = list(Event.objects.upcoming()[:UPCOMING_SHOWN]) if past.number == 1 else []
    title = "Events" if past.number == 1 else page_title("Past events", past)
    response = render(
        request,
        "programme/event_list.html",
        {"page_title": title, "upcoming": upcoming, "past": past, "pagination": pagination},
    )
    # An event that ends moves from upcoming to past: kept until then at most.
    return keep_until(response, Event.objects.next_end_time())


@require_safe
def event_detail(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    response = render(request, "programme/event.html", {"event": event, "page_title": event.title})
    # Once over, its page says so and offers no calendar file.
    return keep_until(response, None if event.is_over else event.ends_at)


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return _calendar_response(calendar_for([event], name=event.title), f"{event.slug}.ics")


@require_safe
def events_ics(request):
    events = Event.objects.upcoming()
    response = _calendar_response(
        calendar_for(events, name="Local Digital events"), "local-digital-events.ics"
    )
    return keep_until(response, Event.objects.next_end_time())


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def events_csv(request):
    return csv_response(open_data.EVENTS, open_data.events_for_open_data(), request=request)


@require_safe
def events_json(request):
    return json_response(open_data.EVENTS, open_data.events_for_open_data(), request=request)
