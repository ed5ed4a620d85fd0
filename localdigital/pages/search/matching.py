"""Which of a source's rows match a search, and how well: a filter and a rank.

On PostgreSQL, `full_text`: the visitor's words as `websearch_to_tsquery` reads
them (so "a phrase" in quotes and -word work, and no input is a syntax error),
matched against the stored search documents through their GIN indexes, ranked
by `ts_rank` with the documents' weights, so that a match in a title outranks
one in a summary or body.

Elsewhere (SQLite, for `make run`), `contains`: the same text columns matched
case-insensitively, rows whose title matches first.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Case, Expression, F, FloatField, Q, Value, When
from django.db.models.functions import Coalesce

from localdigital.core.search_document import CONFIG
from localdigital.pages.search.source import Source


@dataclass(frozen=True)
class Match:
    # A row matches when any of these does; each is read on its own, so that
    # each can use its own table's index.
    filters: list[Q]
    # Higher is better.
    rank: Expression


def full_text(source: Source, q: str) -> Match:
    query = SearchQuery(q, config=CONFIG, search_type="websearch")
    # A row whose related document is missing (a sign-up without a commitment) ranks by the rest.
    rank = sum(
        (Coalesce(SearchRank(F(path), query), Value(0.0)) for path in source.documents),
        start=Value(0.0),
    )
    return Match(filters=[Q(**{path: query}) for path in source.documents], rank=rank)


def contains(source: Source, q: str) -> Match:
    # Quotes mark a phrase for websearch_to_tsquery; here all the words are one phrase anyway.
    text = " ".join(q.replace('"', " ").split())
    if not text:
        # Only quotes: nothing to look for (and "" is in every text).
        return Match(filters=[Q(pk__in=[])], rank=Value(0.0))
    title_matched = Q()
    for field in source.fields[: source.titles]:
        title_matched |= Q(**{f"{field}__icontains": text})
    matched = title_matched
    for field in source.fields[source.titles :]:
        matched |= Q(**{f"{field}__icontains": text})
    title_matches = Case(
        When(title_matched, then=Value(1.0)), default=Value(0.0), output_field=FloatField()
    )
    return Match(filters=[matched], rank=title_matches)
