"""The 360Giving Data Standard's schemas, as shipped in funding/data/360giving/,
and a validator for a grants package that reads nothing from the network.

The package schema names the grant schema by an https address (of an earlier
patch release than the grant schema's own `$id`): the registry maps both
addresses to the copy shipped beside it, and, having no way to fetch, an
address it does not know is an error rather than a download.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).resolve().parent / "data" / "360giving"
PACKAGE_SCHEMA = SCHEMAS / "360-giving-package-schema.json"
GRANT_SCHEMA = SCHEMAS / "360-giving-schema.json"


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def package_schema() -> dict:
    return _read(PACKAGE_SCHEMA)


def grant_schema() -> dict:
    return _read(GRANT_SCHEMA)


@cache
def package_validator() -> Draft202012Validator:
    """A validator of a whole package, with the grant schema resolved locally.

    Formats are checked (date-time by rfc3339-validator): the standard's dates
    are "a date-time, or else YYYY-MM-DD" (oneOf), which only holds when a
    plain date is known not to be a date-time."""
    package = package_schema()
    grant = DRAFT202012.create_resource(grant_schema())
    reference = package["properties"]["grants"]["items"]["$ref"]
    registry = Registry().with_resources([(reference, grant), (grant.contents["$id"], grant)])
    return Draft202012Validator(
        package, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def package_errors(package: dict) -> list[str]:
    """What in the package breaks the standard, one message each; empty when it is valid.

    A grant is "one of" two shapes (to an organisation or to a person), and a
    failure of both says only that: its messages are those of each shape."""
    messages = []
    for error in package_validator().iter_errors(package):
        causes = error.context or [error]
        messages += [f"{cause.json_path}: {cause.message}" for cause in causes]
    return list(dict.fromkeys(messages))


def column_title(path: str) -> str:
    """The title 360Giving gives the CSV column of a grant field: "Recipient Org:Identifier"
    for "recipientOrganization.id", read from the grant schema's own titles."""
    schema = grant_schema()
    key, _, inner = path.partition(".")
    field = schema["properties"][key]
    outer = field.get("title") or _resolve(schema, field)["title"]
    if not inner:
        return outer
    item = _resolve(schema, field["items"])
    return f"{outer}:{item['properties'][inner]['title']}"


def _resolve(schema: dict, node: dict) -> dict:
    """A node's definition, following a local reference such as #/$defs/Location."""
    reference = node.get("$ref", "")
    return schema["$defs"][reference.removeprefix("#/$defs/")] if reference else node
