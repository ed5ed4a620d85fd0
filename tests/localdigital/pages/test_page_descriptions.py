"""Every page the sitemap offers to search engines has a title that fits in a
results page and a description of its own: with the demo content, so that
there are signatories, rounds and funded projects to list."""

import html
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.localdigital.pages.sitemap_reading import whole_sitemap

pytestmark = pytest.mark.django_db

# Search engines cut titles at about this many characters.
TITLE_MAX = 70


@pytest.fixture
def sitemap_pages(settings, client) -> dict[str, str]:
    """Each page of the sitemap, by its path: its HTML as a visitor is sent it."""
    settings.DEBUG = True  # the demo loads only for local development
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")
    settings.DEBUG = False
    sitemap = whole_sitemap(client)
    pages = {}
    for address in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = urlsplit(address).path
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    return pages


def title(page: str) -> str:
    head = page.split("</head>")[0]
    [text] = re.findall(r"<title>(.*?)</title>", head, flags=re.DOTALL)
    return html.unescape(" ".join(text.split()))


def descriptions(page: str) -> list[str]:
    return [
        html.unescape(text)
        for text in re.findall(r'<meta name="description" content="([^"]*)"', page)
    ]


# One test, as loading the demo is most of its time.
def test_every_sitemap_page_has_a_title_that_fits_and_a_description_of_its_own(sitemap_pages):
    paths = set(sitemap_pages)
    titles = {path: title(page) for path, page in sitemap_pages.items()}
    too_long = {path: text for path, text in titles.items() if len(text) > TITLE_MAX}
    by_page = {path: descriptions(page) for path, page in sitemap_pages.items()}
    without_one = [path for path, found in by_page.items() if len(found) != 1]
    pages_of = {}
    for path, found in by_page.items():
        for text in found:
            pages_of.setdefault(text, []).append(path)
    shared = {text: paths for text, paths in pages_of.items() if len(paths) > 1}

    # every kind of page is there: single pages, principles, signatories, rounds, projects
    assert {"/", "/sign/", "/fund/", "/privacy/", "/declaration/fix-the-plumbing/"} <= paths
    assert any(path.startswith("/signatories/") and path.count("/") == 3 for path in paths)
    assert any(path.startswith("/fund/projects/") and path != "/fund/projects/" for path in paths)
    assert len(paths) > 25
    assert too_long == {}
    assert without_one == []
    assert shared == {}
    assert all(20 <= len(text) <= 200 for text in pages_of), pages_of
