"""A model's words for site search, kept by the database in a column of its own.

`search_document(A=[...], B=[...], C=[...])` is the expression of a stored
GeneratedField: on PostgreSQL, the named text columns turned into one
weighted `tsvector` with the `english` configuration (the weight says how much
a match there counts: A for a title, B for a summary, C for the rest), which
PostgreSQL recomputes on every write of the row, so no save or service has to
keep it. `SearchDocumentIndex` is the GIN index that finds rows by it.

SQLite has no full-text type: there the column is always NULL and its index a
plain one, so the same migrations run on both, and site search falls back to
matching the same text columns (localdigital/pages/search/matching.py).
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models

CONFIG = "english"
WEIGHTS = ("A", "B", "C", "D")


class SearchDocument(models.Func):
    """The weighted tsvector of some text columns (see the module's docstring)."""

    output_field = SearchVectorField()

    def __init__(self, **columns_by_weight: list[str]):
        unknown = set(columns_by_weight) - set(WEIGHTS)
        if unknown:
            raise ValueError(f"weights are A to D, not {sorted(unknown)}")
        parts = [
            SearchVector(*columns, config=CONFIG, weight=weight)
            for weight, columns in sorted(columns_by_weight.items())
        ]
        combined = parts[0]
        for part in parts[1:]:
            combined = combined + part
        super().__init__(combined, output_field=SearchVectorField())
        self.template = "%(expressions)s"

    def as_sqlite(self, compiler, connection, **extra_context):
        return "NULL", []


def search_document_field(**columns_by_weight: list[str]) -> models.GeneratedField:
    return models.GeneratedField(
        expression=SearchDocument(**columns_by_weight),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        editable=False,
    )


class SearchDocumentIndex(models.Index):
    """GIN on PostgreSQL, where it finds the rows a query matches; plain elsewhere."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "postgresql":
            using = " USING gin"
        return super().create_sql(model, schema_editor, using=using, **kwargs)
