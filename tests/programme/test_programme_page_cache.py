"""The page cache never shows a scheduled post late, and every kind of change
staff make to the programme's content shows on the next request."""

import datetime

import pytest
import time_machine

from programme.models import PublicationStatus
from tests.factories import CoPublisherFactory, EventFactory, NewsPostFactory, ProgrammePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the change's transaction to commit, as a real commit
    would (each test runs inside a transaction that is never committed)."""
    return django_capture_on_commit_callbacks


NINE = datetime.datetime(2026, 10, 25, 9, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize("path", ["/", "/news/", "/news.atom", "/sitemap-news.xml"])
def test_a_scheduled_post_shows_at_its_time_on_pages_kept_in_the_cache(client, path):
    # Each page links to its posts by their addresses.
    with time_machine.travel(NINE, tick=False) as clock:
        NewsPostFactory(slug="published-at-nine", published_at=NINE - datetime.timedelta(hours=1))
        NewsPostFactory(
            slug="due-at-twenty-past", published_at=NINE + datetime.timedelta(seconds=20)
        )

        first = client.get(path)
        assert "/news/published-at-nine/" in first.content.decode()
        assert "/news/due-at-twenty-past/" not in first.content.decode()
        # Browsers and a CDN may keep it until the post is due, and no longer.
        assert first["Cache-Control"] == "public, max-age=20, s-maxage=20"

        clock.shift(datetime.timedelta(seconds=10))
        assert "/news/due-at-twenty-past/" not in client.get(path).content.decode()
        clock.shift(datetime.timedelta(seconds=10))
        assert "/news/due-at-twenty-past/" in client.get(path).content.decode()


@pytest.mark.parametrize("path", ["/events/", "/events.ics", "/events/ending/"])
def test_an_event_moves_to_the_past_at_its_end_on_pages_kept_in_the_cache(client, path):
    with time_machine.travel(NINE, tick=False) as clock:
        EventFactory(
            title="Ending soon",
            slug="ending",
            starts_at=NINE - datetime.timedelta(hours=1),
            ends_at=NINE + datetime.timedelta(seconds=30),
        )
        assert client.get(path)["Cache-Control"] == "public, max-age=30, s-maxage=30"
        before = client.get(path).content.decode()

        clock.shift(datetime.timedelta(seconds=30))
        after = client.get(path).content.decode()

    if path == "/events/":
        assert "Ending soon" in before.split("Past events")[0]
        assert "Ending soon" in after.split("Past events")[1]
    elif path == "/events.ics":
        assert "SUMMARY:Ending soon" in before and "Ending soon" not in after
    else:
        assert "Add to calendar" in before and "This event has taken place." in after


def test_with_nothing_scheduled_news_is_kept_for_the_usual_time(client):
    NewsPostFactory()

    assert client.get("/news/")["Cache-Control"] == "public, max-age=60, s-maxage=60"


def test_a_post_edited_shows_on_the_next_request(client, committed):
    post = NewsPostFactory(title="Before the edit")
    assert "Before the edit" in client.get("/news/").content.decode()

    post.title = "After the edit"
    with committed(execute=True):
        post.save()

    assert "After the edit" in client.get("/news/").content.decode()


def test_a_post_unpublished_leaves_the_cached_pages(client, committed):
    post = NewsPostFactory(title="Soon withdrawn")
    assert "Soon withdrawn" in client.get("/").content.decode()

    post.status = PublicationStatus.DRAFT
    with committed(execute=True):
        post.save()

    assert "Soon withdrawn" not in client.get("/").content.decode()


def test_an_event_changed_shows_on_the_next_request(client, committed):
    event = EventFactory(title="Show and tell")
    assert "Show and tell" in client.get("/events/").content.decode()

    event.title = "Show and tell, moved"
    with committed(execute=True):
        event.save()

    assert "Show and tell, moved" in client.get("/events/").content.decode()


def test_a_programme_page_added_shows_on_the_next_request(client, committed):
    assert "Cyber support" not in client.get("/programme/").content.decode()

    with committed(execute=True):
        ProgrammePageFactory(title="Cyber support")

    assert "Cyber support" in client.get("/programme/").content.decode()


def test_a_co_publisher_added_shows_on_the_declaration_page_at_once(client, committed):
    assert "Society of IT Practitioners" not in client.get("/declaration/").content.decode()

    with committed(execute=True):
        CoPublisherFactory(name="Society of IT Practitioners")

    assert "Society of IT Practitioners" in client.get("/declaration/").content.decode()
    assert (
        "Society of IT Practitioners" in client.get("/declaration/co-publishers/").content.decode()
    )
