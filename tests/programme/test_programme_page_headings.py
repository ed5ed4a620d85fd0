"""Each of the programme's pages shows its heading in the site's layout, and a
page that is not public (a draft, a scheduled post) is not found."""

import re

import pytest

from tests.programme.content import PROGRAMME_PAGES, programme_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    programme_content()


def main_heading(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "the page has no <h1>"
    return re.sub(r"<[^>]+>|\s+", " ", match.group(1)).strip()


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize(("path", "heading"), PROGRAMME_PAGES)
def test_programme_page_shows_its_heading_and_a_title_that_fits(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert main_heading(response) == heading
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()
    assert title.endswith(" – Local Digital") and len(title) <= 70


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize(
    "path", ["/news/next-weeks-news/", "/news/half-written/", "/programme/no-such-page/"]
)
def test_draft_and_scheduled_content_is_not_found(client, path):
    assert client.get(path).status_code == 404
