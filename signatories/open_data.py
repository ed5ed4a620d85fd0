"""The open data about signatories and their commitments: its fields, as CSV and as JSON.

Each dataset's fields are written once, here, with what they mean and an
example; the open data page documents them from the same definitions, so the
files and their documentation cannot drift apart. Only what the public pages
already show is published: never an officer's or approver's email address.
"""

from django.http import HttpRequest

from localdigital.core import open_data_files
from localdigital.core.open_data import Dataset, Field, timestamp
from localdigital.core.site_address import absolute_url
from signatories.models import SignUp


def _organisation_url(sign_up: SignUp, request: HttpRequest) -> str:
    return absolute_url(sign_up.organisation.get_absolute_url())


def _commitment_title(sign_up: SignUp, request: HttpRequest) -> str:
    commitment = getattr(sign_up, "commitment", None)
    return commitment.title if commitment else ""


SIGNATORIES = Dataset(
    name="signatories",
    title="Signatories",
    description="Every organisation that has signed the Local Digital Declaration, "
    "one row for each.",
    csv_url_name="signatories:signatories-csv",
    json_url_name="signatories:signatories-json",
    fields=(
        Field(
            "name",
            "The organisation's name.",
            "London Borough of Hackney",
            lambda s, r: s.organisation.name,
        ),
        Field(
            "url",
            "The organisation's page on this site.",
            "https://localdigital.gov.uk/signatories/london-borough-of-hackney/",
            _organisation_url,
        ),
        Field(
            "organisation_type",
            "A code for the kind of organisation: one of the codes listed below this table.",
            "london-borough",
            lambda s, r: s.organisation.organisation_type,
        ),
        Field(
            "organisation_type_name",
            "The kind of organisation, in words.",
            "London borough",
            lambda s, r: s.organisation.get_organisation_type_display(),
        ),
        Field(
            "nation",
            "England, Scotland, Wales or Northern Ireland. Empty for a body that works "
            "across the UK.",
            "England",
            lambda s, r: s.organisation.get_nation_display(),
        ),
        Field(
            "region",
            "The region, as the local authority register names it. Empty when not known.",
            "London",
            lambda s, r: s.organisation.region,
        ),
        Field(
            "register_code",
            "For a council, its code in the local authority register. Empty otherwise.",
            "HCK",
            lambda s, r: s.organisation.register_code,
        ),
        Field(
            "gss_code",
            "For a council, its Government Statistical Service (ONS) code. Empty otherwise.",
            "E09000012",
            lambda s, r: s.organisation.gss_code,
        ),
        Field(
            "signed_at",
            "When the declaration was signed, as an ISO 8601 date and time with its offset "
            "from UTC.",
            "2025-03-04T14:05:09+00:00",
            lambda s, r: timestamp(s.signed_at),
            type="datetime",
        ),
        Field(
            "signed_by",
            "The name the senior approver typed to sign for the organisation.",
            "Tom Evans",
            lambda s, r: s.signed_by_name,
        ),
        Field(
            "signed_by_role",
            "The senior approver's role in the organisation.",
            "Chief Executive",
            lambda s, r: s.approver_role,
        ),
        Field(
            "commitment_title",
            "The title of the declaration project the organisation committed to.",
            "Online licence renewals by March 2027",
            _commitment_title,
        ),
    ),
)

PROJECTS = Dataset(
    name="declaration-projects",
    title="Declaration projects",
    description="The commitment each signatory made when it signed: a project to deliver "
    "within a year. One row for each.",
    csv_url_name="signatories:projects-csv",
    json_url_name="signatories:projects-json",
    fields=(
        Field(
            "title",
            "The project's title.",
            "Online licence renewals by March 2027",
            lambda s, r: s.commitment.title,
        ),
        Field(
            "organisation",
            "The name of the organisation that committed to it.",
            "London Borough of Hackney",
            lambda s, r: s.organisation.name,
        ),
        Field(
            "organisation_url",
            "The organisation's page on this site, where the commitment is shown.",
            "https://localdigital.gov.uk/signatories/london-borough-of-hackney/",
            _organisation_url,
        ),
        Field(
            "partners",
            "Organisations that had agreed to work on it. Empty when there are none.",
            "Otherton Borough Council",
            lambda s, r: s.commitment.partners,
        ),
        Field(
            "mission",
            "What will be delivered within a year of signing.",
            "Replace paper renewal forms with an online service.",
            lambda s, r: s.commitment.mission,
        ),
        Field(
            "impact",
            "How specific users will benefit.",
            "Licence holders renew in minutes instead of posting forms.",
            lambda s, r: s.commitment.impact,
        ),
        Field(
            "principles",
            "The principles of the declaration it puts into practice. In JSON a list; "
            "in CSV one cell, separated by a semicolon and a space.",
            "Design services around the needs of people",
            lambda s, r: [p.title for p in sorted(s.commitment.principles.all(), key=_number)],
        ),
        Field(
            "service_area",
            "The council service it is about.",
            "Licences, permits and permissions",
            lambda s, r: s.commitment.service_area.name,
        ),
        Field(
            "signed_at",
            "When the organisation signed, and so made its commitment, as an ISO 8601 date "
            "and time with its offset from UTC.",
            "2025-03-04T14:05:09+00:00",
            lambda s, r: timestamp(s.signed_at),
            type="datetime",
        ),
        Field(
            "delivery",
            "What the organisation reported a year on: delivered, partly-delivered or "
            "not-delivered. Empty until it has reported.",
            "delivered",
            lambda s, r: _report(s) and _report(s).delivery.replace("_", "-"),
        ),
        Field(
            "delivery_reported_at",
            "When it reported, as an ISO 8601 date and time. Empty until it has.",
            "2026-02-10T09:30:00+00:00",
            lambda s, r: _report(s) and timestamp(_report(s).reported_at),
        ),
        Field(
            "what_was_delivered",
            "What it reported was delivered, or why it was not.",
            "Renewals moved online in January; paper forms stop in April.",
            lambda s, r: _report(s) and _report(s).delivered,
        ),
        Field(
            "delivery_links",
            "Web addresses where the delivered work can be seen. In JSON a list; in CSV one "
            "cell, separated by a semicolon and a space.",
            "https://www.example.gov.uk/renew-a-licence",
            lambda s, r: _report(s) and list(_report(s).links),
        ),
    ),
)

DATASETS = (SIGNATORIES, PROJECTS)


def _number(principle) -> int:
    return principle.number


def _report(sign_up: SignUp):
    """The report on the sign-up's declaration project, or None before there is one."""
    return getattr(sign_up, "delivery_report", None)


def signatory_rows():
    # No principles in this file: only what its fields read is joined in.
    return SignUp.objects.signed().select_related("organisation", "commitment").sorted_by("name")


def project_rows():
    return SignUp.objects.public().with_commitment().sorted_by("name")


open_data_files.register(SIGNATORIES, signatory_rows)
open_data_files.register(PROJECTS, project_rows)
