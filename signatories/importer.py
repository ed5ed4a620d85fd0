"""Load a CSV file in the format of mySociety's UK local authority register.

The register is the source of truth for the fields it holds, so importing it
again updates them. It never deletes an organisation: a signatory may belong to
a council that has since been abolished, and an authority that ends stays, with
its end date and its successors. A file with any bad row changes nothing.
"""

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from signatories.models import Nation, Organisation, OrganisationType

# The register's `local-authority-type` codes.
REGISTER_TYPES = {
    "NMD": OrganisationType.NON_METROPOLITAN_DISTRICT,
    "UA": OrganisationType.UNITARY_AUTHORITY,
    "MD": OrganisationType.METROPOLITAN_DISTRICT,
    "LBO": OrganisationType.LONDON_BOROUGH,
    "CTY": OrganisationType.COUNTY,
    "COMB": OrganisationType.COMBINED_AUTHORITY,
    "SRA": OrganisationType.STRATEGIC_REGIONAL_AUTHORITY,
    "CC": OrganisationType.CITY_CORPORATION,
    "SCO": OrganisationType.SCOTTISH_UNITARY_AUTHORITY,
    "WPA": OrganisationType.WELSH_UNITARY_AUTHORITY,
    "NID": OrganisationType.NORTHERN_IRISH_DISTRICT,
}
NATIONS = {nation.label: nation for nation in Nation}

REQUIRED_COLUMNS = (
    "local-authority-code",
    "official-name",
    "gss-code",
    "start-date",
    "end-date",
    "replaced-by",
    "nation",
    "region",
    "local-authority-type",
)
# The fields the register is the source of truth for; moderators own the rest
# (email domains, whether a record needs review).
REGISTER_FIELDS = (
    "name",
    "organisation_type",
    "nation",
    "region",
    "gss_code",
    "start_date",
    "end_date",
    "is_from_register",
)
# A long list of problems helps nobody: the first few show what is wrong.
MAX_PROBLEMS_SHOWN = 10


class RegisterFileError(Exception):
    """The file cannot be imported. Nothing was changed."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            shown.append(f"... and {len(problems) - len(shown)} more problems")
        super().__init__("\n".join(shown))


@dataclass(frozen=True)
class RegisterRow:
    line: int
    code: str
    fields: dict
    successor_codes: tuple[str, ...]


@dataclass(frozen=True)
class ImportSummary:
    new: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


def organisations_import(*, path: Path) -> ImportSummary:
    """Add or update an organisation for every row of the file, found by its register code."""
    rows = _read_rows(path)
    with transaction.atomic():
        return _save_rows(rows)


def _read_rows(path: Path) -> list[RegisterRow]:
    try:
        # utf-8-sig: a file saved from a spreadsheet may start with a byte order mark.
        with open(path, encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(file)
            missing = [
                column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])
            ]
            if missing:
                raise RegisterFileError([f"{path} has no column {', '.join(missing)}."])
            rows, problems = [], []
            for record in reader:
                try:
                    rows.append(_parse_row(record, line=reader.line_num))
                except ValueError as error:
                    problems.append(f"Line {reader.line_num}: {error}")
    except FileNotFoundError as error:
        raise RegisterFileError([f"There is no file at {path}."]) from error
    except OSError as error:
        raise RegisterFileError([f"{path} cannot be read: {error.strerror}."]) from error
    except UnicodeDecodeError as error:
        raise RegisterFileError([f"{path} is not a UTF-8 text file."]) from error
    except csv.Error as error:
        raise RegisterFileError([f"{path} is not a valid CSV file: {error}."]) from error

    seen: dict[str, int] = {}
    for row in rows:
        if row.code in seen:
            problems.append(
                f"Line {row.line}: code {row.code} is already on line {seen[row.code]}."
            )
        seen.setdefault(row.code, row.line)
    if problems:
        raise RegisterFileError(problems)
    if not rows:
        raise RegisterFileError([f"{path} has no rows."])
    return rows


def _parse_row(record: dict, *, line: int) -> RegisterRow:
    # A short row leaves None in the missing columns.
    value = {column: (record[column] or "").strip() for column in REQUIRED_COLUMNS}
    code = value["local-authority-code"]
    if not code:
        raise ValueError("local-authority-code is empty.")
    if not value["official-name"]:
        raise ValueError(f"official-name is empty for {code}.")
    if value["local-authority-type"] not in REGISTER_TYPES:
        raise ValueError(
            f"{code} has an unknown local-authority-type {value['local-authority-type']!r}."
        )
    if value["nation"] not in NATIONS:
        raise ValueError(f"{code} has an unknown nation {value['nation']!r}.")
    start_date = _parse_date(value["start-date"], column="start-date", code=code)
    end_date = _parse_date(value["end-date"], column="end-date", code=code)
    if start_date and end_date and end_date < start_date:
        raise ValueError(f"{code} ends on {end_date}, before it starts on {start_date}.")
    return RegisterRow(
        line=line,
        code=code,
        fields={
            "name": value["official-name"],
            "organisation_type": REGISTER_TYPES[value["local-authority-type"]],
            "nation": NATIONS[value["nation"]],
            "region": value["region"],
            "gss_code": value["gss-code"],
            "start_date": start_date,
            "end_date": end_date,
            "is_from_register": True,
        },
        # An authority split in two lists both successors: "NNT,WNT".
        successor_codes=tuple(
            successor.strip() for successor in value["replaced-by"].split(",") if successor.strip()
        ),
    )


def _parse_date(text: str, *, column: str, code: str) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{code} has {column} {text!r}, not a date like 2020-04-01.") from None


def _save_rows(rows: list[RegisterRow]) -> ImportSummary:
    existing = {
        organisation.register_code: organisation
        for organisation in Organisation.objects.filter(
            register_code__in=[row.code for row in rows]
        ).prefetch_related("replaced_by")
    }
    new, changed = _save_organisations(rows, existing)
    # Successors are linked once every row is in, as they may come later in the file.
    changed |= {code for code in _link_successors(rows, existing) if code not in new}
    return ImportSummary(
        new=len(new), updated=len(changed), unchanged=len(rows) - len(new) - len(changed)
    )


def _save_organisations(
    rows: list[RegisterRow], existing: dict[str, Organisation]
) -> tuple[set[str], set[str]]:
    """Save each row's authority if it is new or has changed; the codes of
    those made and those changed. Adds what it makes to `existing`."""
    new, changed, problems = set(), set(), []
    for row in rows:
        organisation = existing.get(row.code) or Organisation(register_code=row.code)
        before = {field: getattr(organisation, field) for field in REGISTER_FIELDS}
        if organisation.pk is not None and before == row.fields:
            continue
        for field, value in row.fields.items():
            setattr(organisation, field, value)
        try:
            # Catches values too long for their field. The slug is made on saving,
            # and the rules on codes and dates were checked when the file was read;
            # the database still enforces them all, but asking it row by row is slow.
            organisation.full_clean(exclude=["slug"], validate_constraints=False)
        except ValidationError as error:
            problems += [f"Line {row.line}: {row.code}: {message}" for message in error.messages]
            continue
        (new if organisation.pk is None else changed).add(row.code)
        organisation.save()
        existing[row.code] = organisation
    if problems:
        raise RegisterFileError(problems)
    return new, changed


def _link_successors(rows: list[RegisterRow], existing: dict[str, Organisation]) -> set[str]:
    """Link each authority to the ones that replaced it; the codes whose links changed."""
    wanted = {code for row in rows for code in row.successor_codes}
    successors = {
        organisation.register_code: organisation
        for organisation in Organisation.objects.filter(register_code__in=wanted)
    }
    relinked, problems = set(), []
    for row in rows:
        unknown = [code for code in row.successor_codes if code not in successors]
        if unknown:
            problems.append(
                f"Line {row.line}: {row.code} is replaced by unknown code {', '.join(unknown)}."
            )
            continue
        organisation = existing[row.code]
        linked = {successor.register_code for successor in organisation.replaced_by.all()}
        if linked != set(row.successor_codes):
            organisation.replaced_by.set([successors[code] for code in row.successor_codes])
            relinked.add(row.code)
    if problems:
        raise RegisterFileError(problems)
    return relinked
