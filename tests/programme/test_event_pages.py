"""Events: upcoming and past, in UK time, each with a calendar file that
calendar apps read back (RFC 5545), and every upcoming event in one feed."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone
from icalendar import Calendar

from programme.models import Attendance, PublicationStatus
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

# 14:00 to 16:00 UTC on 10 June 2027: 3pm to 5pm in London (BST).
SUMMER_AFTERNOON = datetime.datetime(2027, 6, 10, 14, 0, tzinfo=datetime.UTC)


def in_leeds(**fields):
    return EventFactory(
        title="Cyber meet-up in Leeds",
        slug="cyber-meet-up",
        attendance=Attendance.IN_PERSON,
        venue_name="Leeds Civic Hall",
        venue_address="Calverley Street\nLeeds\nLS1 1UR",
        booking_url="https://example.org/book",
        accessibility="Step-free access and a hearing loop.",
        **fields,
    )


def test_events_page_lists_upcoming_soonest_first_then_past(client):
    now = timezone.now()
    EventFactory(title="Next month", starts_at=now + datetime.timedelta(days=30))
    EventFactory(title="Next week", starts_at=now + datetime.timedelta(days=7))
    EventFactory(title="Last year", starts_at=now - datetime.timedelta(days=365))
    EventFactory(title="Not published", status=PublicationStatus.DRAFT)

    html = client.get("/events/").content.decode()

    upcoming, past = html.split("Past events")
    assert upcoming.index("Next week") < upcoming.index("Next month")
    assert "Last year" in past
    assert "Not published" not in html


def test_an_event_page_shows_when_in_uk_time_where_booking_and_access(client):
    event = in_leeds(starts_at=SUMMER_AFTERNOON)

    html = client.get(event.get_absolute_url()).content.decode()

    assert "10 June 2027, 3pm to 5pm (UK time)" in html
    assert "Leeds Civic Hall<br>Calverley Street<br>Leeds<br>LS1 1UR" in html
    assert 'href="https://example.org/book"' in html
    assert "Step-free access and a hearing loop." in html
    assert 'href="/events/cyber-meet-up.ics"' in html


def test_a_past_event_says_it_has_taken_place_and_offers_no_calendar_file(client):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=3))

    html = client.get(event.get_absolute_url()).content.decode()

    assert "This event has taken place." in html
    assert "Add to calendar" not in html


def test_a_draft_event_is_not_found(client):
    event = EventFactory(status=PublicationStatus.DRAFT)

    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(f"/events/{event.slug}.ics").status_code == 404


def test_add_to_calendar_gives_an_rfc_5545_file_with_london_times(client):
    event = in_leeds(starts_at=SUMMER_AFTERNOON)

    response = client.get("/events/cyber-meet-up.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="cyber-meet-up.ics"' in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Cyber meet-up in Leeds"
    assert str(entry["UID"]) == f"event-{event.pk}@testserver"
    assert entry["DTSTAMP"].dt.tzinfo is not None
    assert entry["DTSTART"].params["TZID"] == "Europe/London"
    assert entry["DTSTART"].dt == SUMMER_AFTERNOON
    assert entry["DTSTART"].dt.hour == 15  # 3pm, as London's clocks say
    assert entry["DTEND"].dt == SUMMER_AFTERNOON + datetime.timedelta(hours=2)
    assert str(entry["LOCATION"]) == "Leeds Civic Hall, Calverley Street, Leeds, LS1 1UR"
    assert str(entry["URL"]) == "http://testserver/events/cyber-meet-up/"
    assert "Organised by MHCLG Local Digital team" in str(entry["DESCRIPTION"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_the_events_calendar_has_every_upcoming_event_and_no_past_one(client):
    now = timezone.now()
    EventFactory(title="Soon", starts_at=now + datetime.timedelta(days=2))
    EventFactory(
        title="Later", attendance=Attendance.ONLINE, starts_at=now + datetime.timedelta(days=9)
    )
    EventFactory(title="Over", starts_at=now - datetime.timedelta(days=2))

    calendar = Calendar.from_ical(client.get("/events.ics").content)

    entries = calendar.walk("VEVENT")
    assert [str(entry["SUMMARY"]) for entry in entries] == ["Soon", "Later"]
    assert str(entries[1]["LOCATION"]) == "Online"
    assert len({str(entry["UID"]) for entry in entries}) == 2


def test_events_open_data_as_csv_and_json(client):
    in_leeds(starts_at=SUMMER_AFTERNOON)

    text = b"".join(client.get("/events.csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    document = json.loads(b"".join(client.get("/events.json").streaming_content))

    assert rows[0]["title"] == "Cyber meet-up in Leeds"
    assert rows[0]["starts_at"] == "2027-06-10T15:00:00+01:00"
    assert rows[0]["online"] == "no"
    assert rows[0]["venue_address"] == "Calverley Street, Leeds, LS1 1UR"
    assert rows[0]["calendar_url"] == "http://testserver/events/cyber-meet-up.ics"
    assert document["count"] == 1
    assert document["results"][0]["ends_at"] == "2027-06-10T17:00:00+01:00"


def test_the_open_data_page_describes_the_events_files_and_the_news_feed(client):
    html = client.get("/open-data/").content.decode()

    assert 'href="/events.csv"' in html and 'href="/events.json"' in html
    assert 'href="/news.atom"' in html and 'href="/events.ics"' in html


@pytest.mark.parametrize("size", [1, 30])
def test_event_pages_run_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    now = timezone.now()
    for days in range(size):
        EventFactory(starts_at=now + datetime.timedelta(days=days + 1))
        EventFactory(starts_at=now - datetime.timedelta(days=days + 1))
    event = EventFactory()

    # the count of past events, a page of them, the upcoming ones, when the next one ends
    with django_assert_num_queries(4):
        assert client.get("/events/").status_code == 200
    with django_assert_num_queries(1):
        assert client.get(event.get_absolute_url()).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(f"/events/{event.slug}.ics").status_code == 200
    # the upcoming events, when the next one ends
    with django_assert_num_queries(2):
        assert client.get("/events.ics").status_code == 200
