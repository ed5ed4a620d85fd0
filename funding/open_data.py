"""The open data about the fund: every published bid, and the projects it funded.

Built with the shared open-data machinery (localdigital.core.open_data), so
the fund's files read like the others and are documented on the same open
data page from these same definitions.
"""

from collections.abc import Callable

from django.db.models import Prefetch
from django.http import HttpRequest

from funding.models import Bid, BidState, Expression, LinkKind, ProjectLink
from localdigital.core import open_data_files
from localdigital.core.open_data import Dataset, Field
from localdigital.core.site_address import absolute_url


def _lead_name(bid: Bid, request: HttpRequest) -> str:
    return bid.lead.name


def _partners(bid: Bid, request: HttpRequest) -> list[str]:
    return [partner.name for partner in bid.partners.all()]


def _partner_register_codes(bid: Bid, request: HttpRequest) -> list[str]:
    return [partner.register_code for partner in bid.partners.all()]


def _partner_gss_codes(bid: Bid, request: HttpRequest) -> list[str]:
    return [partner.gss_code for partner in bid.partners.all()]


def _principles(bid: Bid, request: HttpRequest) -> list[str]:
    return [principle.title for principle in sorted(bid.principles.all(), key=_number)]


def _number(principle) -> int:
    return principle.number


def _links_of_kind(kind: str) -> Callable[[Bid, HttpRequest], list[str]]:
    def links(bid: Bid, request: HttpRequest) -> list[str]:
        return [link.url for link in bid.links.all() if link.kind == kind]

    return links


def _project_url(bid: Bid, request: HttpRequest) -> str:
    return absolute_url(bid.get_absolute_url())


def _page_url_if_funded(bid: Bid, request: HttpRequest) -> str:
    return _project_url(bid, request) if bid.state == BidState.FUNDED else ""


def _service_area(bid: Bid, request: HttpRequest) -> str:
    return bid.service_area.name if bid.service_area else ""


# The fields both datasets share, in the order they come in each file.
REFERENCE = Field(
    "reference",
    "The bid's reference: its round's prefix and its number in the round.",
    "R6-0012",
    lambda b, r: b.reference,
)
ROUND = Field(
    "round", "The round of the fund it was made to.", "Round 6", lambda b, r: b.round.name
)
TITLE = Field(
    "title",
    "The project's title.",
    "Shared planning enforcement case management",
    lambda b, r: b.title,
)
SUMMARY = Field(
    "summary",
    "What the project will do, in a paragraph.",
    "Councils replace spreadsheets with a shared case tool.",
    lambda b, r: b.summary,
)
LEAD = Field("lead", "The council that leads it.", "London Borough of Hackney", _lead_name)
LEAD_REGISTER_CODE = Field(
    "lead_register_code",
    "The lead council's code in the local authority register.",
    "HCK",
    lambda b, r: b.lead.register_code,
)
LEAD_GSS_CODE = Field(
    "lead_gss_code",
    "The lead council's Government Statistical Service (ONS) code.",
    "E09000012",
    lambda b, r: b.lead.gss_code,
)
PARTNERS = Field(
    "partners",
    "The partner councils, by name. In JSON a list; in CSV one cell, separated by a "
    "semicolon and a space.",
    "Leeds City Council; Kent County Council",
    _partners,
)
PARTNER_REGISTER_CODES = Field(
    "partner_register_codes",
    "The partner councils' register codes, in the same order as partners.",
    "LDS; KEN",
    _partner_register_codes,
)
PARTNER_GSS_CODES = Field(
    "partner_gss_codes",
    "The partner councils' GSS codes, in the same order as partners.",
    "E08000035; E10000016",
    _partner_gss_codes,
)
PHASE = Field(
    "phase",
    "The phase of work it is for: discovery, alpha or beta.",
    "discovery",
    lambda b, r: b.phase,
)
SERVICE_AREA = Field(
    "service_area",
    "The council service it is about.",
    "Licences, permits and permissions",
    _service_area,
)
PRINCIPLES = Field(
    "principles",
    "The principles of the declaration it serves. In JSON a list; in CSV one cell, "
    "separated by a semicolon and a space.",
    "Design services around the needs of people",
    _principles,
)

BIDS = Dataset(
    name="fund-bids",
    title="Bids to the fund",
    description="Every bid to a round of the Local Digital Fund whose decisions have been "
    "published, with its outcome. One row for each.",
    csv_url_name="fund:bids-csv",
    json_url_name="fund:bids-json",
    fields=(
        REFERENCE,
        ROUND,
        TITLE,
        SUMMARY,
        Field(
            "outcome",
            "funded, or not_funded (not funded at this stage).",
            "funded",
            lambda b, r: b.state,
        ),
        LEAD,
        LEAD_REGISTER_CODE,
        LEAD_GSS_CODE,
        PARTNERS,
        PARTNER_REGISTER_CODES,
        PARTNER_GSS_CODES,
        PHASE,
        Field(
            "amount_asked",
            "What the bid asked for, in whole pounds. A number in JSON.",
            "90000",
            lambda b, r: b.amount,
            type="integer",
        ),
        Field(
            "amount_awarded",
            "For a funded bid, what it was awarded, in whole pounds, which may differ from "
            "what it asked for. A number in JSON; empty for a bid that was not funded.",
            "85000",
            lambda b, r: b.awarded,
            type="integer",
        ),
        SERVICE_AREA,
        PRINCIPLES,
        Field(
            "url",
            "For a funded bid, the project's page on this site. Empty otherwise.",
            "https://localdigital.gov.uk/fund/projects/R6-0012/",
            _page_url_if_funded,
        ),
    ),
)

PROJECTS = Dataset(
    name="fund-projects",
    title="Funded projects",
    description="The projects the Local Digital Fund paid for: every funded bid of a round "
    "whose decisions have been published, with links to what it made. One row for each.",
    csv_url_name="fund:projects-csv",
    json_url_name="fund:projects-json",
    fields=(
        REFERENCE,
        ROUND,
        TITLE,
        SUMMARY,
        LEAD,
        LEAD_REGISTER_CODE,
        LEAD_GSS_CODE,
        PARTNERS,
        PARTNER_REGISTER_CODES,
        PARTNER_GSS_CODES,
        PHASE,
        Field(
            "amount",
            "What it was awarded, in whole pounds, which may differ from what it asked "
            "for. A number in JSON.",
            "90000",
            lambda b, r: b.awarded,
            type="integer",
        ),
        SERVICE_AREA,
        PRINCIPLES,
        Field(
            "outputs",
            "Web addresses of what the project made (code, reports, services). In JSON "
            "a list; in CSV one cell, separated by a semicolon and a space.",
            "https://github.com/example/case-tool",
            _links_of_kind(LinkKind.OUTPUT),
        ),
        Field(
            "sprint_notes",
            "Web addresses of the project's sprint notes and blog posts, listed the same way.",
            "https://example.gov.uk/blog/sprint-1",
            _links_of_kind(LinkKind.SPRINT_NOTE),
        ),
        Field(
            "url",
            "The project's page on this site.",
            "https://localdigital.gov.uk/fund/projects/R6-0012/",
            _project_url,
        ),
    ),
)

EXPRESSIONS = Dataset(
    name="fund-expressions",
    title="Expressions of interest",
    description="Every expression of interest sent to a round of the Local Digital Fund "
    "whose decisions have been published, and whether its lead council was invited to make "
    "a full bid. One row for each.",
    csv_url_name="fund:expressions-csv",
    json_url_name="fund:expressions-json",
    fields=(
        Field(
            "reference",
            "The expression's reference: its round's prefix, EOI and its number in the round.",
            "R6-EOI-0012",
            lambda e, r: e.reference,
        ),
        ROUND,
        Field(
            "project", "The project's name.", "Shared pest control booking", lambda e, r: e.title
        ),
        Field(
            "problem",
            "The problem the project would solve, as the lead council put it.",
            "Each council runs its own paper booking process.",
            lambda e, r: e.problem,
        ),
        Field(
            "outcome",
            "invited (to make a full bid), or declined.",
            "invited",
            lambda e, r: e.state,
        ),
        LEAD,
        LEAD_REGISTER_CODE,
        LEAD_GSS_CODE,
        PARTNERS,
        PARTNER_REGISTER_CODES,
        PARTNER_GSS_CODES,
        PHASE,
        Field(
            "estimated_cost",
            "What the lead council estimated the project would cost, in whole pounds. A "
            "number in JSON.",
            "60000",
            lambda e, r: e.estimated_cost,
        ),
        Field(
            "full_bid_reference",
            "The reference of the full bid made from it, once that bid was submitted. Empty "
            "otherwise.",
            "R6-0012",
            lambda e, r: e.bid.reference if e.bid else "",
        ),
    ),
)

DATASETS = (BIDS, PROJECTS, EXPRESSIONS)


def _in_order(bids):
    """Bids by round, oldest first, then by number: the order of the references."""
    return bids.order_by("round__opens_at", "round__pk", "number", "pk")


def bid_rows():
    return _in_order(
        Bid.objects.published()
        .select_related("round", "lead", "service_area")
        .prefetch_related("partners", "principles")
    )


def project_rows():
    return _in_order(
        Bid.objects.funded()
        .select_related("round", "lead", "service_area")
        .prefetch_related(
            "partners",
            "principles",
            Prefetch("links", queryset=ProjectLink.objects.order_by("added_at", "pk")),
        )
    )


def expression_rows():
    return (
        Expression.objects.published()
        .select_related("round", "lead", "bid")
        .prefetch_related("partners")
        .order_by("round__opens_at", "round__pk", "number")
    )


open_data_files.register(BIDS, bid_rows)
open_data_files.register(PROJECTS, project_rows)
