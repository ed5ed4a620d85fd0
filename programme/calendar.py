"""Events as iCalendar (RFC 5545), through the icalendar library: one event's
file for "Add to calendar", and every upcoming event's in one feed."""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from localdigital.core.site_address import absolute_url
from programme.models import Event

PRODUCT_ID = "-//Local Digital//Events//EN"


def calendar_for(events: Iterable[Event], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for event in events:
        calendar.add_component(_calendar_event(event, stamp))
    # The VTIMEZONE for Europe/London that the TZID-aware times name.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _calendar_event(event: Event, stamp) -> CalendarEvent:
    entry = CalendarEvent()
    # From the key and the site: the same event keeps its UID if its slug or time changes.
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", stamp)
    entry.add("dtstart", timezone.localtime(event.starts_at))
    entry.add("dtend", timezone.localtime(event.ends_at))
    entry.add("summary", event.title)
    entry.add("description", _description(event))
    entry.add("location", event.location)
    entry.add("url", absolute_url(event.get_absolute_url()))
    entry.add("last-modified", event.updated_at)
    return entry


def _description(event: Event) -> str:
    # The organiser is named here: RFC 5545's ORGANIZER must be an email address.
    parts = [event.description.strip(), f"Organised by {event.organiser}"]
    if event.booking_url:
        parts.append(f"Book: {event.booking_url}")
    if event.accessibility:
        parts.append(f"Accessibility: {event.accessibility.strip()}")
    parts.append(absolute_url(event.get_absolute_url()))
    return "\n\n".join(parts)
