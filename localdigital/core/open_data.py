"""The open-data machinery every app's files are built with: fields written once
with their meaning and an example, a CSV writer that defuses spreadsheet
formulas, and the JSON wrapper with the licence.

Each app defines its datasets from these; the open data page documents them
from the same definitions, so the files and their documentation cannot drift
apart.
"""

import csv
import json
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from localdigital.core.site_address import absolute_url

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
REGISTER_CREDIT = (
    "Contains data from mySociety's UK local authority names and codes register (CC BY 4.0)"
)
REGISTER_URL = "https://pages.mysociety.org/uk_local_authority_names_and_codes/"
REGISTER_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

# A spreadsheet runs a cell that starts with one of these as a formula, which
# lets anyone who can type into a public form run one on a reader's computer.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# How a list (the principles of a commitment, a bid's partners) is written in one CSV cell.
LIST_SEPARATOR = "; "

# Text, a list of text, or a number (an amount, which a JSON reader should get
# as a number); None where there is nothing to say.
Value = str | int | list[str] | None


# What a CSV cell holds, as a Frictionless Table Schema names it: the data
# package (/open-data/datapackage.json) types each column from its Field.
# A list is one text cell in CSV, so its type is string.
FIELD_TYPES = ("string", "integer", "number", "date", "datetime")


@dataclass(frozen=True)
class Field:
    name: str
    meaning: str
    example: str
    value: Callable[[Any, HttpRequest], Value]
    type: str = "string"

    def __post_init__(self):
        if self.type not in FIELD_TYPES:
            raise ValueError(f"{self.name}: {self.type!r} is not one of {FIELD_TYPES}")


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    csv_url_name: str
    json_url_name: str

    def rows(self, records: Iterable, *, request: HttpRequest) -> Iterator[dict[str, Value]]:
        """One row a record, made as the file is written: never the whole file in memory."""
        for record in _each(records):
            yield {field.name: field.value(record, request) for field in self.fields}


def defuse(value: str) -> str:
    """A CSV cell's text, made inert for spreadsheets by a leading apostrophe when needed."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def csv_cell(value: Value) -> str:
    """One value as the text of a CSV cell, defused."""
    if value is None:
        return ""
    if isinstance(value, list):
        return defuse(LIST_SEPARATOR.join(value))
    return defuse(str(value))


def timestamp(moment) -> str:
    """A moment as ISO 8601 in UK time, to the second."""
    return timezone.localtime(moment).isoformat(timespec="seconds")


# Records are read from the database this many at a time (each lot with its
# prefetched relations), so a worker's memory stays the same however many
# rows a file has.
CHUNK_SIZE = 2000


def _each(records: Iterable) -> Iterator:
    """The records one by one, a chunk at a time when they are a QuerySet."""
    if isinstance(records, QuerySet):
        return records.iterator(chunk_size=CHUNK_SIZE)
    return iter(records)


class _Line:
    """A file-like object for csv.writer that hands back each line it is given."""

    def write(self, line: str) -> str:
        return line


def csv_lines(dataset: Dataset, records: Iterable, *, request: HttpRequest) -> Iterator[str]:
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield writer.writerow([field.name for field in dataset.fields])
    for row in dataset.rows(records, request=request):
        yield writer.writerow([csv_cell(value) for value in row.values()])


def csv_response(
    dataset: Dataset, records: Iterable, *, request: HttpRequest
) -> StreamingHttpResponse:
    """The dataset as CSV, streamed row by row as the records are read."""
    response = StreamingHttpResponse(
        csv_lines(dataset, records, request=request), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="local-digital-{dataset.name}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def streamed_json(head: dict, list_name: str, items: Iterable[dict]) -> Iterator[str]:
    """The text of json.dumps({**head, list_name: [*items]}, indent=2), written an
    item at a time, so that a file of any length is never whole in memory."""
    text = json.dumps(head, ensure_ascii=False, indent=2)
    yield text[: -len("\n}")] + f',\n  "{list_name}": ['
    separator = "\n"
    written = False
    for item in items:
        yield separator + textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), "    ")
        separator, written = ",\n", True
    yield ("\n  ]" if written else "]") + "\n}"


def json_text(dataset: Dataset, records, *, request: HttpRequest) -> Iterator[str]:
    """The dataset's JSON file, written a result at a time.

    A generator: nothing is read until the response is, as it is streamed."""
    count = records.count() if isinstance(records, QuerySet) else len(records)
    head = {
        "dataset": dataset.title,
        "description": dataset.description,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        # The site's open data page, which documents every dataset's fields.
        "documentation": absolute_url(reverse("open-data")),
        "generated_at": timestamp(timezone.now()),
        "count": count,
    }
    yield from streamed_json(head, "results", dataset.rows(records, request=request))


def json_response(
    dataset: Dataset, records: Iterable, *, request: HttpRequest
) -> StreamingHttpResponse:
    """The dataset as JSON, with its licence and how many results, streamed as it is read."""
    response = StreamingHttpResponse(
        json_text(dataset, records, request=request), content_type="application/json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
