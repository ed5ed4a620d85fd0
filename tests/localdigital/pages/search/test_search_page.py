"""The search page as a visitor sees it: results, the states with none, errors, caching."""

import re

import pytest
from django.db import connection

from localdigital.core.titles import TITLE_MAX
from localdigital.pages.search import results
from signatories.models import SignUp
from tests.signatories.signatory_pages import signed, text

pytestmark = pytest.mark.django_db


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_the_bare_page_shows_the_box_and_may_be_indexed(client):
    response = client.get("/search/")

    assert response.status_code == 200
    assert title(response) == "Search – Local Digital"
    assert '<label class="govuk-label govuk-label--s" for="q">' in response.content.decode()
    assert 'name="robots"' not in response.content.decode()


def test_results_are_grouped_with_counts_and_are_not_for_search_engines(client, search_content):
    response = client.get("/search/", {"q": "garden waste"})
    page = text(response)

    assert title(response) == "Search results for ‘garden waste’ – Local Digital"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "5 results for ‘garden waste’" in page
    assert "Signatories 2 signatories" in page
    assert "Funded projects 1 funded project" in page
    assert "Case studies 1 case study" in page
    assert "Project updates 1 project update" in page
    assert "Garden waste proposal still waiting" not in page
    assert page.index("Testshire District Council") < page.index("Kent County Council")
    assert "Commitment: Online garden waste permits" in page
    assert "Round 6, led by Leeds City Council" in page
    assert "Principles" not in page.split("results for")[1]


def test_a_group_with_more_than_it_shows_links_to_its_list(client, search_content):
    signed_count = SignUp.objects.signed().count()

    response = client.get("/search/", {"q": "council"})

    assert signed_count > 5
    assert f"See all {signed_count} signatories matching ‘council’" in text(response)
    assert 'href="/signatories/?q=council"' in response.content.decode()


def test_past_the_counting_limit_a_group_says_more_than(client, search_content, monkeypatch):
    # The limits made small, so that a few signatories pass them.
    monkeypatch.setattr(results, "MAX_COUNTED", 3)
    monkeypatch.setattr(results, "MAX_RANKED", 2)

    page = text(client.get("/search/", {"q": "council"}))

    assert "Signatories More than 3 signatories" in page
    assert "See all signatories matching ‘council’" in page
    assert "More than " in page.split("results for ‘council’")[0]


def test_no_results_gives_advice(client, search_content):
    page = text(client.get("/search/", {"q": "zebra crossings"}))

    assert "There are no results for ‘zebra crossings’." in page
    assert "checking your spelling" in page


@pytest.mark.parametrize("q", ["", "   ", "\x00"])
def test_an_empty_search_asks_for_words(client, q):
    response = client.get("/search/", {"q": q})

    assert response.status_code == 200
    assert title(response) == "Error: Search – Local Digital"
    page = text(response)
    assert "There is a problem" in page
    assert page.count("Enter a word or phrase to search for") == 2  # summary and field


def test_a_search_that_is_too_long_says_so_and_keeps_what_was_typed(client):
    response = client.get("/search/", {"q": "x" * 201})

    assert response.status_code == 200
    assert text(response).count("Search for 200 characters or fewer") == 2
    assert 'value="' + "x" * 201 + '"' in response.content.decode()


def test_a_nul_byte_is_dropped(client, search_content):
    assert "Testshire District Council" in text(client.get("/search/", {"q": "garden\x00 waste"}))


def test_a_long_search_is_cut_in_the_title_to_fit(client):
    response = client.get("/search/", {"q": "garden waste " * 15})

    assert len(title(response)) <= TITLE_MAX
    assert title(response).startswith("Search results for ‘garden waste garden")
    assert title(response).endswith("…’ – Local Digital")


def test_hostile_text_is_shown_as_text(client, search_content):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})

    assert "<script>alert(1)" not in response.content.decode()
    assert "There are no results for ‘&lt;script&gt;alert(1)&lt;/script&gt;’" in (
        response.content.decode()
    )


# For each source, the keys of what matches (on PostgreSQL, the signatories'
# two documents apart) and the best of them: two a source, six sources.
QUERIES = 13 if connection.vendor == "postgresql" else 12


@pytest.mark.parametrize("size", [0, 25])
def test_search_runs_a_fixed_number_of_queries(
    client, search_content, django_assert_num_queries, size
):
    for number in range(size):
        signed(f"Testshire {number:02d} Council", commitment={"title": "A service for all"})

    with django_assert_num_queries(QUERIES):
        response = client.get("/search/", {"q": "service"})

    # Something of every kind, so every query runs.
    assert text(response).count("See all") == 1  # signatories; funded projects have one
    assert all(
        heading in text(response)
        for heading in ["Principles", "Funded projects", "Case studies", "Project updates"]
    )


def test_each_search_is_cached_apart_for_anonymous_visitors(
    page_cache, client, search_content, django_assert_num_queries
):
    first = client.get("/search/", {"q": "garden"})
    with django_assert_num_queries(0):
        again = client.get("/search/", {"q": "garden"})
    other = client.get("/search/", {"q": "zebra"})

    assert again.content == first.content
    assert again.headers["Cache-Control"] == "public, max-age=60, s-maxage=60"
    assert "There are no results" in text(other) and "There are no results" not in text(first)


def test_only_the_bare_page_is_in_the_sitemap(client):
    pages = client.get("/sitemap-pages.xml").content.decode()

    assert "<loc>http://testserver/search/</loc>" in pages
    assert "/search/?" not in pages
