"""Site search: ranking, grouping, only what is public, and on PostgreSQL the
full-text search's stems, phrases and exclusions.

The suite runs on PostgreSQL in CI; run on SQLite, the tests of what only
full-text search does check what the fallback does instead (matching.contains).
"""

import pytest
from django.db import connection

from declaration.models import Principle
from localdigital.pages.search.results import grouped_results
from signatories.models import Commitment

pytestmark = pytest.mark.django_db

FULL_TEXT = connection.vendor == "postgresql"


def titles(q: str) -> dict[str, list[str]]:
    """Each group's results, best first, by the group's heading."""
    return {group.source.heading: [r.title for r in group.results] for group in grouped_results(q)}


def test_a_title_match_outranks_a_match_in_the_body(search_content):
    signatories = titles("garden waste")["Signatories"]

    assert signatories == ["Testshire District Council", "Kent County Council"]


def test_results_are_grouped_by_kind_in_order_with_counts(search_content):
    groups = grouped_results("garden waste")

    assert [(g.source.heading, g.total) for g in groups] == [
        ("The declaration", 0),
        ("Principles", 0),
        ("Signatories", 2),
        ("Funded projects", 1),
        ("Case studies", 1),
        ("Project updates", 1),
    ]
    assert groups[3].results[0].url == "/fund/projects/R6-0001/"
    assert groups[3].results[0].caption == "Round 6, led by Leeds City Council"


def test_only_signed_organisations_and_published_funded_projects_are_found(search_content):
    found = titles("garden waste")

    assert "Garden Waste Borough Council" not in found["Signatories"]
    assert found["Funded projects"] == ["Garden waste collection booking"]


def test_words_are_matched_by_their_stem(search_content):
    # "permits" in the commitment's title, "booking" in the project's.
    assert titles("permit")["Signatories"] == ["Testshire District Council"]
    booked = ["Garden waste collection booking"] if FULL_TEXT else []
    assert titles("booked")["Funded projects"] == booked


def test_a_phrase_in_quotes_must_appear_in_that_order(search_content):
    assert titles('"waste garden"')["Signatories"] == []
    assert titles('"garden waste permits"')["Signatories"] == ["Testshire District Council"]


def test_a_word_after_a_minus_leaves_out_what_has_it(search_content):
    # The fallback matches the words as one phrase, which nothing has.
    expected = ["Kent County Council"] if FULL_TEXT else []

    assert titles("garden -permits")["Signatories"] == expected


def test_the_declaration_and_its_principles_are_found():
    principle = Principle.objects.get(number=2)

    found = titles("plumbing")

    assert found["Principles"][0] == f"2. {principle.title}"
    assert titles("declaration")["The declaration"] == ["The Local Digital Declaration"]


def test_a_change_is_found_at_once_without_anything_to_keep_up_to_date(search_content):
    commitment = Commitment.objects.get(title="Shared data platform")
    commitment.title = "Shared compost platform"
    commitment.save()

    assert titles("compost")["Signatories"] == ["Kent County Council"]


def test_a_query_of_only_common_words_or_symbols_finds_nothing_and_fails_nothing(
    search_content,
):
    # The fallback matches text as typed, and "-" is in hyphenated words.
    for q in ["the and of", "!!! & | <-> :*", "' OR '1'='1", '"', *(["-"] if FULL_TEXT else [])]:
        assert all(group.total == 0 for group in grouped_results(q)), q
