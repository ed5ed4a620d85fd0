"""What the officer in the fund's story types into the bid, section by section,
and the file they attach."""

from dataclasses import dataclass

# A PDF as small as a PDF can be: a version line, a catalogue of no pages,
# and the end-of-file marker the site looks for.
MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)


@dataclass(frozen=True)
class Cost:
    who_for: str  # as the radios label it: "Lead council", "Partner council" or "Supplier"
    description: str
    amount: int


@dataclass(frozen=True)
class BidAnswers:
    """Everything the officer types into the bid, section by section."""

    title: str = "A shared case tool for planning enforcement"
    summary: str = (
        "Three councils replace enforcement spreadsheets with one shared, open case tool."
    )
    service_area: str = "Planning and building control"
    problem: str = "Enforcement officers track breaches in spreadsheets that nobody else can see."
    users: str = "Enforcement officers, and residents who report breaches and want to follow them."
    phase: str = "Discovery"
    amount: int = 90_000
    costs: tuple[Cost, ...] = (
        Cost("Lead council", "Product manager, 60 days", 40_000),
        Cost("Supplier", "User research agency", 50_000),
    )
    delivery_plan: str = "Twelve weeks of discovery, with user research in each council."
    team: str = "A product manager from the lead council and a researcher from each partner."
    principles: tuple[str, ...] = (
        "1. Design services around the needs of people",
        "5. Embed an open culture that promotes digital ways of working",
    )
    principles_how: str = "We research with officers and residents, and work in the open."
    attachment_name: str = "letter-of-support.pdf"
    sponsor_name: str = "Alex Morgan"
    sponsor_role: str = "Director of Place"
    sponsor_email: str = "alex.morgan@leadshire.gov.uk"


def pounds(amount: int) -> str:
    return f"£{amount:,}"
