"""Check your answers as plain data (localdigital.core.summaries): a section
for each part of the journey, each answer with a link back to the page that
asks it. templates/macros/summary.html renders them."""

from django.urls import reverse

from localdigital.core.summaries import Answer, Item, SummarySection
from signatories.models import OrganisationType
from signatories.sign import journey


def _answer(label: str, text: str, *, page: str, hidden: str, **kinds) -> Answer:
    """An answer changed on `page`; `hidden` finishes "Change …" for screen readers."""
    return Answer(
        label=label,
        text=text,
        change_url=reverse(page) + "?change=1",
        change_hidden=hidden,
        **kinds,
    )


def _text_section(heading: str, anchor: str, data: dict, *, page: str, rows) -> SummarySection:
    """A section of answers kept as text, all changed on `page`; `rows` are
    (label, key in the answers, what the change link changes)."""
    return SummarySection(
        heading=heading,
        id=anchor,
        answers=[
            _answer(label, data[key], page=page, hidden=hidden) for label, key, hidden in rows
        ],
    )


def answer_sections(data: dict) -> list[SummarySection]:
    return [
        _organisation_section(data),
        _text_section(
            "Your details",
            "officer-answers",
            data,
            page="sign:your-details",
            rows=[
                ("Full name", "officer_name", "your full name"),
                ("Job title", "officer_job_title", "your job title"),
                ("Email address", "officer_email", "your email address"),
            ],
        ),
        _text_section(
            "Senior approver",
            "approver-answers",
            data,
            page="sign:senior-approver",
            rows=[
                ("Full name", "approver_name", "the senior approver’s name"),
                ("Role", "approver_role", "the senior approver’s role"),
                ("Email address", "approver_email", "the senior approver’s email address"),
            ],
        ),
        _project_section(data),
        SummarySection(
            heading="Authority",
            id="authority-answer",
            answers=[
                _answer(
                    "You have authority to submit this",
                    "Yes",
                    page="sign:authority",
                    hidden="whether you have authority to submit this",
                )
            ],
        ),
    ]


def _organisation_section(data: dict) -> SummarySection:
    new = data.get("new_organisation")
    if new:
        kind = OrganisationType(new["organisation_type"]).label
        text, page = f"{new['name']} ({kind}, not yet on our list)", "sign:organisation-not-listed"
    else:
        text, page = journey.organisation_name(data), "sign:organisation"
    if journey.is_editing(data):
        # A sign-up being changed stays with its organisation: nothing to change it with.
        answer = Answer(label="Organisation", text=text)
    else:
        answer = _answer("Organisation", text, page=page, hidden="organisation")
    return SummarySection(heading="Organisation", id="organisation-answer", answers=[answer])


def _project_section(data: dict) -> SummarySection:
    area = journey.service_area(data)
    return SummarySection(
        heading="Declaration project",
        id="project-answers",
        answers=[
            _answer("Title", data["title"], page="sign:commitment", hidden="the project title"),
            _answer(
                "Partners",
                data.get("partners") or "",
                page="sign:commitment",
                hidden="the partners",
                empty="None",
            ),
            _answer("Mission", data["mission"], page="sign:commitment", hidden="the mission"),
            _answer("Impact", data["impact"], page="sign:commitment", hidden="the impact"),
            _answer(
                "Principles",
                "",
                page="sign:principles",
                hidden="the principles",
                items=[Item(text=f"{p.number}. {p.title}") for p in journey.principles(data)],
                # Blank, not "Not answered": this page opens only once every
                # question is answered, so an empty list means the principles
                # chosen have since been deleted (the service area likewise).
                empty="",
            ),
            _answer(
                "Service area",
                area.name if area else "",
                page="sign:service-area",
                hidden="the service area",
                empty="",
            ),
        ],
    )
