"""The open-data machinery every app's files are built with: fields written once
with their meaning and an example, a CSV writer that defuses spreadsheet
formulas, and the JSON wrapper with the licence.

Each app defines its datasets from these; the open data page documents them
from the same definitions, so the files and their documentation cannot drift
apart.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
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


@dataclass(frozen=True)
class Field:
    name: str
    meaning: str
    example: str
    value: Callable[[Any, HttpRequest], Value]


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    csv_url_name: str
    json_url_name: str

    def rows(self, records: Iterable, *, request: HttpRequest) -> list[dict[str, Value]]:
        return [
            {field.name: field.value(record, request) for field in self.fields}
            for record in records
        ]


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


def csv_response(dataset: Dataset, records: Iterable, *, request: HttpRequest) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([field.name for field in dataset.fields])
    for row in dataset.rows(records, request=request):
        writer.writerow([csv_cell(value) for value in row.values()])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="local-digital-{dataset.name}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_response(dataset: Dataset, records: Iterable, *, request: HttpRequest) -> JsonResponse:
    results = dataset.rows(records, request=request)
    document = {
        "dataset": dataset.title,
        "description": dataset.description,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        # The site's open data page, which documents every dataset's fields.
        "documentation": absolute_url(reverse("open-data")),
        "generated_at": timestamp(timezone.now()),
        "count": len(results),
        "results": results,
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response
