"""The SQLite fallback (make run), tested through its own function on whatever database runs the suite."""

import pytest

from localdigital.pages.search import matching
from localdigital.pages.search.results import source_results
from localdigital.pages.search.sources import funded_projects, signatories

pytestmark = pytest.mark.django_db


def fallback_titles(source, q: str) -> list[str]:
    group = source_results(source.SOURCE, matching.contains(source.SOURCE, q), q)
    return [result.title for result in group.results]


def test_the_fallback_matches_any_field_whatever_the_case_titles_first(search_content):
    assert fallback_titles(signatories, "GARDEN WASTE") == [
        "Testshire District Council",
        "Kent County Council",
    ]


def test_the_fallback_reads_quotes_as_part_of_the_phrase(search_content):
    assert fallback_titles(signatories, '"garden waste permits"') == ["Testshire District Council"]


def test_the_fallback_shows_only_what_is_public(search_content):
    assert fallback_titles(funded_projects, "garden waste") == ["Garden waste collection booking"]
    assert "Garden Waste Borough Council" not in fallback_titles(signatories, "garden")


def test_the_fallback_finds_nothing_for_only_quotes(search_content):
    assert fallback_titles(signatories, '" "') == []


def test_the_fallback_treats_sql_wildcards_as_text(search_content):
    assert fallback_titles(signatories, "%") == []
    assert fallback_titles(signatories, "_") == []
