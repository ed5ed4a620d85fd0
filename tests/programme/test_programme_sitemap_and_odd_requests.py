"""The programme's pages are in the sitemap (drafts and scheduled posts are
not), and odd addresses get a page or a 404, never an error."""

import pytest

from tests.localdigital.pages.sitemap_reading import whole_sitemap
from tests.programme.content import programme_content

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_posts_events_and_programme_pages(client):
    programme_content()

    body = whole_sitemap(client)

    for path in (
        "/news/",
        "/events/",
        "/programme/",
        "/declaration/co-publishers/",
        "/news/round-7-is-open/",
        "/events/cyber-meet-up-in-leeds/",
        "/programme/cyber-training/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in body
    assert "next-weeks-news" not in body and "half-written" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/news/?page=999999",
        "/news/?page=-3",
        "/news/?page=abc",
        "/news/?sort=%00",
        "/events/?page=0",
        "/events/?page=99999999999999999999",
    ],
)
def test_odd_list_addresses_still_answer_with_a_page(client, path):
    programme_content()

    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/news/%00/", "/events/no-such-event.ics", "/programme/x/"])
def test_unknown_addresses_are_not_found(client, path):
    assert client.get(path).status_code == 404
