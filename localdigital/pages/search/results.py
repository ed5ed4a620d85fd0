"""A search's results: for each source, its best matches and how many match.

Each source is read in a fixed number of queries: for each of its filters
(one per search document), the keys of the rows that match, as many as
MAX_COUNTED and one more, in no particular order (so a common word stops
reading early, and more than that are "more than 1000", as in the lists);
then, of the first MAX_RANKED of them, the best few by rank. Ranking costs
some tens of microseconds a row (each row's document is read and scored), so
a word that nearly every row has ("council", in 30,000 signatories) costs no
more than 200 rows ranked, however many hold it: the page then shows good
matches rather than the very best. Keys are taken in the order of the
source's documents, so for signatories the organisations whose names match
come first. Most searches (a council's name, a service) match fewer than 200
of any kind, and every match is ranked.
"""

from dataclasses import dataclass

from django.db import connection

from localdigital.core.lists import MAX_COUNTED
from localdigital.pages.search import matching
from localdigital.pages.search.source import Result, Source
from localdigital.pages.search.sources import SOURCES

MAX_RANKED = 200


@dataclass(frozen=True)
class Group:
    source: Source
    # How many match, up to MAX_COUNTED; `more` when there are more than that.
    total: int
    more: bool
    results: list[Result]
    query: str

    @property
    def see_all_url(self) -> str:
        return self.source.see_all_url(self.query) if self.source.see_all_url else ""


def grouped_results(q: str, *, sources: list[Source] | None = None) -> list[Group]:
    """One group per source, in order: the full-text search on PostgreSQL, a plain match elsewhere."""
    match = matching.full_text if connection.vendor == "postgresql" else matching.contains
    return [source_results(source, match(source, q), q) for source in sources or SOURCES]


def source_results(source: Source, match: matching.Match, q: str) -> Group:
    rows = source.public()
    found: dict[int, None] = {}
    for condition in match.filters:
        keys = rows.filter(condition).order_by().values_list("pk", flat=True)
        found.update(dict.fromkeys(keys[: MAX_COUNTED + 1]))
    candidates = list(found)[:MAX_RANKED]
    best = (
        rows.filter(pk__in=candidates)
        .annotate(rank=match.rank)
        .order_by("-rank", source.fields[0], "pk")[: source.shown]
        if candidates
        else []
    )
    return Group(
        source=source,
        total=min(len(found), MAX_COUNTED),
        more=len(found) > MAX_COUNTED,
        results=[source.describe(row) for row in best],
        query=q,
    )
