"""The fund's grants in the 360Giving Data Standard (version 1.4): every funded
bid of a round whose decisions are published, as a grant from MHCLG to the
lead council.

One grant record is made for each bid (`grant`), and both files are written
from it: `/fund/grants.json`, a 360Giving package, and `/fund/grants.csv`,
whose columns carry 360Giving's own titles ("Recipient Org:Identifier"), so
that 360Giving's tools read either. The CSV is a Dataset like the site's
others, so the open data page and the data package document it from the
same definitions. The shipped schemas, and the validator the tests use, are
in funding/grant_schemas.py.
"""

from collections.abc import Callable, Iterator
from typing import NamedTuple

from django.conf import settings
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone

from funding.models import Bid
from localdigital.core.open_data import (
    CHUNK_SIZE,
    LICENCE_URL,
    Dataset,
    Field,
    Value,
    streamed_json,
    timestamp,
)
from localdigital.core.site_address import absolute_url
from signatories.models import Nation, Organisation

STANDARD_VERSION = "1.4"
FUNDER_NAME = "Ministry of Housing, Communities and Local Government"
# org-id.guide's list of local authorities in each nation; an id is the list's
# code, a hyphen and the authority's code in the register.
COUNCIL_LISTS = {
    Nation.ENGLAND: "GB-LAE",
    Nation.SCOTLAND: "GB-LAS",
    Nation.WALES: "GB-PLA",
    Nation.NORTHERN_IRELAND: "GB-LANI",
}
# 360Giving's geoCodeType for a council's area, from the ONS entity its GSS
# code starts with. Areas of other entities are given without a type.
GEO_CODE_TYPES = {
    "E06": "UA",
    "E07": "NMD",
    "E08": "MD",
    "E09": "LONB",
    "E10": "CTY",
    "S12": "CA",
    "W06": "UA",
}


def planned_start(bid: Bid) -> str:
    """When the funded work starts: the grant agreement's date, or else the award's."""
    if bid.grant_agreed_on:
        return bid.grant_agreed_on.isoformat()
    return award_date(bid)


def award_date(bid: Bid) -> str:
    """The day the bid was decided, in UK time."""
    return timezone.localdate(bid.decided_at).isoformat()


def org_id(organisation: Organisation) -> str:
    """The organisation's org-id: from the register for a council, else one of our own."""
    council_list = COUNCIL_LISTS.get(organisation.nation)
    if council_list and organisation.register_code:
        return f"{council_list}-{organisation.register_code}"
    # 360Giving's rule for an organisation with no id on a list: the
    # publisher's prefix and an identifier of its own.
    return f"{settings.GRANTS_ID_PREFIX}-{organisation.slug}"


def beneficiary_location(organisation: Organisation) -> list[dict]:
    """The council's area, by its GSS code; nothing for a body without one."""
    if not organisation.gss_code:
        return []
    location = {"name": organisation.name, "countryCode": "GB", "geoCode": organisation.gss_code}
    geo_code_type = GEO_CODE_TYPES.get(organisation.gss_code[:3])
    if geo_code_type:
        location["geoCodeType"] = geo_code_type
    return [location]


def grant(bid: Bid) -> dict:
    """The bid as a 360Giving grant. Its round and fund must be read with it."""
    round_ = bid.round
    document = {
        "id": f"{settings.GRANTS_ID_PREFIX}-{bid.reference}",
        "title": bid.title,
        "description": bid.summary,
        "currency": "GBP",
        "amountAppliedFor": bid.amount,
        "amountAwarded": bid.awarded,
        "awardDate": award_date(bid),
        # The work starts when the grant agreement is signed; before it is
        # recorded, the award is the best date there is.
        "plannedDates": [{"startDate": planned_start(bid)}],
        "url": absolute_url(bid.get_absolute_url()),
        "recipientOrganization": [{"id": org_id(bid.lead), "name": bid.lead.name}],
        "beneficiaryLocation": beneficiary_location(bid.lead),
        "fundingOrganization": [{"id": settings.GRANTS_FUNDER_ORG_ID, "name": FUNDER_NAME}],
        "grantProgramme": [
            {
                "code": f"{round_.fund.slug}-{round_.slug}",
                "title": f"{round_.fund.name}: {round_.name}",
                "url": absolute_url(round_.get_absolute_url()),
            }
        ],
        "fromOpenCall": "Yes",
        "dateModified": timestamp(bid.updated_at),
    }
    return {key: value for key, value in document.items() if value != []}


def funded_bids():
    """The bids the files publish, oldest round first, in the order of their references."""
    return (
        Bid.objects.funded()
        .select_related("round__fund", "lead")
        .order_by("round__opens_at", "round__pk", "number", "pk")
    )


def grants() -> Iterator[dict]:
    """Every published grant, read a chunk of bids at a time."""
    for bid in funded_bids().iterator(chunk_size=CHUNK_SIZE):
        yield grant(bid)


def _package_head() -> dict:
    """The package's own metadata, which 360Giving's package schema describes."""
    return {
        "version": STANDARD_VERSION,
        "title": "Local Digital Fund grants",
        "description": GRANTS.description,
        "publisher": {"name": FUNDER_NAME, "identifier": settings.GRANTS_FUNDER_ORG_ID},
        "license": LICENCE_URL,
    }


def package_response(request: HttpRequest) -> StreamingHttpResponse:
    """The grants as a 360Giving package, streamed as the bids are read."""
    response = StreamingHttpResponse(
        streamed_json(_package_head(), "grants", grants()), content_type="application/json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _first(grant_document: dict, key: str, inner: str):
    """A field of the first item of one of the grant's lists, as a 360Giving CSV flattens it."""
    items = grant_document.get(key) or [{}]
    return items[0].get(inner)


class Column(NamedTuple):
    """A CSV column titled as 360Giving titles it, holding the grant's field at
    `path` ("awardDate", or "recipientOrganization.id" for a field of the first
    recipient)."""

    title: str
    path: str
    meaning: str
    example: str
    type: str = "string"

    def field(self) -> Field:
        return Field(self.title, self.meaning, self.example, _reader(self.path), type=self.type)


def _reader(path: str) -> Callable[[dict, HttpRequest], Value]:
    key, _, inner = path.partition(".")

    def value(grant_document: dict, request: HttpRequest) -> Value:
        if inner:
            return _first(grant_document, key, inner)
        return grant_document.get(key)

    return value


COLUMNS = (
    Column(
        "Identifier",
        "id",
        "The grant's identifier: the publisher's 360Giving prefix and the bid's reference.",
        "360G-localdigital-R6-0012",
    ),
    Column("Title", "title", "The project's title.", "Shared planning enforcement"),
    Column(
        "Description",
        "description",
        "What the project will do, in a paragraph.",
        "Councils replace spreadsheets with a shared case tool.",
    ),
    Column("Currency", "currency", "Always GBP: pounds sterling.", "GBP"),
    Column(
        "Amount Applied For",
        "amountAppliedFor",
        "What the bid asked for, in whole pounds.",
        "90000",
        type="integer",
    ),
    Column(
        "Amount Awarded",
        "amountAwarded",
        "What the grant is for, in whole pounds.",
        "90000",
        type="integer",
    ),
    Column(
        "Award Date",
        "awardDate",
        "The day the grant was awarded, as YYYY-MM-DD.",
        "2023-02-14",
        type="date",
    ),
    Column(
        "Planned Dates:Start Date",
        "plannedDates.startDate",
        "When the work is planned to start: the day of the award, as the bid gives no "
        "dates of its own.",
        "2023-02-14",
        type="date",
    ),
    Column(
        "Recipient Org:Identifier",
        "recipientOrganization.id",
        "The lead council's org-id: GB-LAE (England), GB-LAS (Scotland), GB-PLA (Wales) "
        "or GB-LANI (Northern Ireland), then its code in the local authority register.",
        "GB-LAE-HCK",
    ),
    Column(
        "Recipient Org:Name",
        "recipientOrganization.name",
        "The lead council, which receives the grant.",
        "London Borough of Hackney",
    ),
    Column(
        "Beneficiary Location:Name",
        "beneficiaryLocation.name",
        "The area the project serves first: the lead council's.",
        "London Borough of Hackney",
    ),
    Column(
        "Beneficiary Location:Country Code",
        "beneficiaryLocation.countryCode",
        "GB.",
        "GB",
    ),
    Column(
        "Beneficiary Location:Geographic Code",
        "beneficiaryLocation.geoCode",
        "The lead council's Government Statistical Service (ONS) code.",
        "E09000012",
    ),
    Column(
        "Beneficiary Location:Geographic Code Type",
        "beneficiaryLocation.geoCodeType",
        "The kind of area, from 360Giving's list: UA, NMD, MD, LONB, CTY (England), "
        "CA (Scotland), UA (Wales). Empty for other kinds.",
        "LONB",
    ),
    Column(
        "Funding Org:Identifier",
        "fundingOrganization.id",
        "The funder's org-id.",
        "GB-GOR-D4",
    ),
    Column("Funding Org:Name", "fundingOrganization.name", "The funder.", FUNDER_NAME),
    Column(
        "Grant Programme:Code",
        "grantProgramme.code",
        "The fund and round, as the last parts of their web addresses.",
        "local-digital-fund-round-6",
    ),
    Column(
        "Grant Programme:Title",
        "grantProgramme.title",
        "The fund and the round the bid was made to.",
        "Local Digital Fund: Round 6",
    ),
    Column(
        "Grant Programme:URL",
        "grantProgramme.url",
        "The round's page on this site.",
        "https://localdigital.gov.uk/fund/round-6/",
    ),
    Column(
        "URL",
        "url",
        "The project's page on this site.",
        "https://localdigital.gov.uk/fund/projects/R6-0012/",
    ),
    Column(
        "From An Open Call?",
        "fromOpenCall",
        "Always Yes: every round is open to bids.",
        "Yes",
    ),
    Column(
        "Last Modified",
        "dateModified",
        "When the bid was last changed, as an ISO 8601 date and time with its offset from UTC.",
        "2023-02-14T12:00:00+00:00",
        type="datetime",
    ),
)

GRANTS = Dataset(
    name="fund-grants",
    title="Grants, as 360Giving data",
    description="Every grant the Local Digital Fund made, in the 360Giving Data Standard: "
    "each funded bid of a round whose decisions have been published, as a grant from MHCLG "
    "to the council that leads it. One row for each.",
    csv_url_name="fund:grants-csv",
    json_url_name="fund:grants-json",
    fields=tuple(column.field() for column in COLUMNS),
)
