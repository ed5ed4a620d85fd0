"""News: only published posts whose time has come are shown, newest first, in
UK time; a post keeps its old address when its slug changes; the feed and the
home page show the latest."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from programme.models import PublicationStatus
from tests.factories import NewsPostFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parsed_feed(body: bytes) -> ET.Element:
    """Our own feed's XML, read as a feed reader reads it (no entities are declared in it)."""
    parser = ET.XMLPullParser(events=["end"])
    parser.feed(body)
    parser.close()
    return next(element for _, element in parser.read_events() if element.tag == f"{ATOM}feed")


def test_news_lists_published_posts_newest_first_and_no_draft_or_scheduled_one(client):
    now = timezone.now()
    NewsPostFactory(title="Older news", published_at=now - datetime.timedelta(days=9))
    NewsPostFactory(title="Newer news", published_at=now - datetime.timedelta(days=2))
    NewsPostFactory(title="A draft", status=PublicationStatus.DRAFT)
    NewsPostFactory(title="Tomorrow's news", published_at=now + datetime.timedelta(days=1))

    html = client.get("/news/").content.decode()

    assert html.index("Newer news") < html.index("Older news")
    assert "A draft" not in html and "Tomorrow&#39;s news" not in html


def test_a_post_shows_its_body_tags_and_time_in_uk_summer_time(client):
    # 09:30 UTC on 1 July is 10:30 in London (BST).
    post = NewsPostFactory(
        title="Planning software goes open source",
        body="Read **the code**.",
        published_at=datetime.datetime(2025, 7, 1, 9, 30, tzinfo=datetime.UTC),
    )
    post.principles.add(Principle.objects.get(number=5))
    post.service_areas.add(ServiceArea.objects.get_or_create(name="Planning", slug="planning")[0])

    html = client.get(post.get_absolute_url()).content.decode()

    assert "Read <strong>the code</strong>." in html
    assert "1 July 2025 at 10:30am" in html
    assert "Principle 5: Embed an open culture" in html
    assert "Service area: Planning" in html


def test_a_scheduled_post_appears_at_its_time_with_no_save(client):
    with time_machine.travel(datetime.datetime(2026, 3, 29, 9, 0, tzinfo=datetime.UTC), tick=False):
        post = NewsPostFactory(
            title="Round 8 opens",
            published_at=datetime.datetime(2026, 3, 29, 10, 0, tzinfo=datetime.UTC),
        )
        assert client.get(post.get_absolute_url()).status_code == 404
        assert "Round 8 opens" not in client.get("/news/").content.decode()

    with time_machine.travel(
        datetime.datetime(2026, 3, 29, 10, 0, tzinfo=datetime.UTC), tick=False
    ):
        response = client.get(post.get_absolute_url())
        assert response.status_code == 200
        # The clocks went forward at 01:00 UTC that day: 10:00 UTC is 11am in London.
        assert "29 March 2026 at 11am" in response.content.decode()
        assert "Round 8 opens" in client.get("/news/").content.decode()


def test_a_post_whose_slug_changed_is_found_at_its_old_address(client):
    post = NewsPostFactory(slug="round-7-opens")
    post.slug = "round-7-is-open"
    post.save()

    response = client.get("/news/round-7-opens/")

    assert response.status_code == 301
    assert response["Location"] == "/news/round-7-is-open/"
    assert post.slug_redirects.get().old_slug == "round-7-opens"


def test_an_old_address_taken_by_a_new_post_shows_the_new_post(client):
    post = NewsPostFactory(slug="round-7")
    post.slug = "round-7-is-open"
    post.save()
    NewsPostFactory(title="The other round 7", slug="round-7")

    response = client.get("/news/round-7/")

    assert response.status_code == 200
    assert "The other round 7" in response.content.decode()


def test_a_draft_posts_old_address_is_not_found(client):
    post = NewsPostFactory(slug="first-name")
    post.slug = "second-name"
    post.status = PublicationStatus.DRAFT
    post.save()

    assert client.get("/news/first-name/").status_code == 404


def test_feed_has_the_published_posts_with_their_summaries(client):
    NewsPostFactory(title="In the feed", summary="Councils met.")
    NewsPostFactory(title="Not yet", published_at=timezone.now() + datetime.timedelta(hours=1))

    response = client.get("/news.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parsed_feed(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["In the feed"]
    assert entries[0].find(f"{ATOM}summary").text == "Councils met."
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/news/")


def test_home_page_shows_the_three_latest_posts(client):
    now = timezone.now()
    for days in range(1, 6):
        NewsPostFactory(
            title=f"News {days} days ago", published_at=now - datetime.timedelta(days=days)
        )

    html = client.get("/").content.decode()

    assert "Latest news" in html
    assert [f"News {days} days ago" in html for days in range(1, 6)] == [True] * 3 + [False] * 2


def test_home_page_has_no_news_block_before_any_news(client):
    assert "Latest news" not in client.get("/").content.decode()


@pytest.mark.parametrize("size", [1, 30])
def test_news_pages_run_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    principle = Principle.objects.get(number=1)
    for _ in range(size):
        NewsPostFactory().principles.add(principle)
    post = NewsPostFactory()

    # the count, the page of posts, when the next scheduled post appears
    with django_assert_num_queries(3):
        assert client.get("/news/").status_code == 200
    # the post, its principles, its service areas
    with django_assert_num_queries(3):
        assert client.get(post.get_absolute_url()).status_code == 200
    # the posts, when the next scheduled post appears
    with django_assert_num_queries(2):
        assert client.get("/news.atom").status_code == 200
