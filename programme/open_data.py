"""The open data about events: every published event, upcoming and past.

Built with the shared open-data machinery (localdigital.core.open_data), and
documented on the open data page from these same definitions.
"""

from django.http import HttpRequest
from django.urls import reverse

from localdigital.core.open_data import Dataset, Field, timestamp
from localdigital.core.site_address import absolute_url
from programme.models import Event


def _text(attribute: str):
    def value(event: Event, request: HttpRequest) -> str:
        return getattr(event, attribute)

    return value


def _starts(event: Event, request: HttpRequest) -> str:
    return timestamp(event.starts_at)


def _ends(event: Event, request: HttpRequest) -> str:
    return timestamp(event.ends_at)


def _online(event: Event, request: HttpRequest) -> str:
    return "yes" if event.is_online else "no"


def _venue_address(event: Event, request: HttpRequest) -> str:
    return ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())


def _page(event: Event, request: HttpRequest) -> str:
    return absolute_url(event.get_absolute_url())


def _calendar(event: Event, request: HttpRequest) -> str:
    return absolute_url(reverse("programme:event-ics", kwargs={"slug": event.slug}))


EVENTS = Dataset(
    name="events",
    title="Events",
    description=(
        "Every event the Local Digital programme has published, upcoming and past, "
        "soonest first, with its time in UK time and where it happens."
    ),
    fields=(
        Field("title", "The event's name.", "Show and tell: digital planning", _text("title")),
        Field(
            "starts_at",
            "When it starts: ISO 8601 in UK time, with its offset from UTC.",
            "2026-06-10T10:00:00+01:00",
            _starts,
        ),
        Field("ends_at", "When it ends, as starts_at.", "2026-06-10T11:30:00+01:00", _ends),
        Field("online", "yes if it is held online, no if at a venue.", "no", _online),
        Field(
            "venue",
            "The venue's name; empty for an online event.",
            "Leeds Civic Hall",
            _text("venue_name"),
        ),
        Field(
            "venue_address",
            "The venue's address, its lines separated by commas.",
            "Calverley Street, Leeds, LS1 1UR",
            _venue_address,
        ),
        Field("organiser", "Who runs it.", "MHCLG Local Digital team", _text("organiser")),
        Field(
            "booking_url",
            "Where to book a place; empty if none is needed.",
            "https://www.eventbrite.co.uk/e/example",
            _text("booking_url"),
        ),
        Field(
            "accessibility",
            "What the organiser says about access and adjustments.",
            "Step-free access and a hearing loop.",
            _text("accessibility"),
        ),
        Field(
            "page_url",
            "The event's page on this site.",
            "https://localdigital.gov.uk/events/show-and-tell/",
            _page,
        ),
        Field(
            "calendar_url",
            "The event as a calendar file (.ics).",
            "https://localdigital.gov.uk/events/show-and-tell.ics",
            _calendar,
        ),
    ),
    csv_url_name="programme:events-csv",
    json_url_name="programme:events-json",
)

DATASETS = [EVENTS]


def events_for_open_data():
    return Event.objects.published().order_by("starts_at", "pk")
