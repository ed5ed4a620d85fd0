"""What site search needs to know about one kind of thing: a "source".

Each source says which rows the public may see, where their search documents
are (the stored, weighted tsvector columns of localdigital.core.search_document),
which text columns the SQLite fallback matches, and how a row is shown as a
result. The page groups results by source, in the order of SOURCES
(localdigital/pages/search/sources/__init__.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    summary: str = ""
    # A line above the title, such as the council that signed.
    caption: str = ""


@dataclass(frozen=True)
class Source:
    key: str
    heading: str
    singular: str
    plural: str
    # The rows the public may see, with what describe() reads joined in.
    public: Callable[[], QuerySet]
    # Lookups from a row to search_document columns: its own ("search_document")
    # or a related model's ("commitment__search_document"). A row matches when
    # any of them does; its rank is the sum of theirs.
    documents: tuple[str, ...]
    # The same text, as columns, for the SQLite fallback; the first `titles` of
    # them are titles (weight A in the documents), and results of equal rank
    # are in the order of the first.
    fields: tuple[str, ...]
    describe: Callable[[Model], Result]
    # The list page that shows every match, where the site has one.
    see_all_url: Callable[[str], str] | None = None
    titles: int = 1
    shown: int = 5

    def noun(self, count: int) -> str:
        return self.singular if count == 1 else self.plural
