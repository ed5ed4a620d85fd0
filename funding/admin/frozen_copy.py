"""A bid as it was submitted (its frozen copy), for assessors: its answers
as sections of labelled rows, in task-list order, as plain data that the
bid's admin page (admin/funding/bid/change_form.html) lays out.

The copy is read through funding.answers.read_answers, as every reader of one
does: it keeps the shape it had on the day it was sent, which may lack a
question added to the form since, and that shows as not given.
"""

from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from funding.answers import read_answers
from funding.models import Bid, Section
from localdigital.core.summaries import Item, items


@dataclass(frozen=True)
class CostLine:
    category: str
    description: str
    amount: str


@dataclass(frozen=True)
class Costs:
    lines: list[CostLine]
    total: str


@dataclass(frozen=True)
class Row:
    """One answer: `text` (shown a paragraph a line, "Not given" if blank), or
    `items` (a list, "None" if empty), or `costs` (a table, "None" if no lines)."""

    label: str
    text: str = ""
    items: list[Item] | None = None
    costs: Costs | None = None


@dataclass(frozen=True)
class FrozenSection:
    title: str
    rows: list[Row]


def money(amount) -> str:
    """An amount as staff read it: "£12,000", or "Not given" for none."""
    return f"£{amount:,}" if isinstance(amount, int) else "Not given"


def _organisation_line(organisation: dict) -> str:
    details = ", ".join(part for part in (organisation["type"], organisation["region"]) if part)
    return f"{organisation['name']} ({details})" if details else organisation["name"]


def _project(answers: dict, bid: Bid) -> list[Row]:
    return [
        Row("Title", answers["title"]),
        Row("Summary", answers["summary"]),
        Row("Service area", answers["service_area"]),
    ]


def _problem(answers: dict, bid: Bid) -> list[Row]:
    return [
        Row("The problem", answers["problem"]),
        Row("Users and their needs", answers["users"]),
    ]


def _partners(answers: dict, bid: Bid) -> list[Row]:
    return [
        Row("Lead council", _organisation_line(answers["lead"])),
        Row("Partner councils", items=items(map(_organisation_line, answers["partners"]))),
    ]


def _budget(answers: dict, bid: Bid) -> list[Row]:
    lines = answers["cost_lines"]
    costs = Costs(
        lines=[
            CostLine(line["category"], line["description"], money(line["amount"])) for line in lines
        ],
        total=money(sum(line["amount"] for line in lines)),
    )
    return [
        Row("Phase", answers["phase"]),
        Row("Amount asked for", money(answers["amount"])),
        Row("Costs", costs=costs),
    ]


def _delivery(answers: dict, bid: Bid) -> list[Row]:
    return [
        Row("Delivery plan", answers["delivery_plan"]),
        Row("Team", answers["team"]),
    ]


def _principles(answers: dict, bid: Bid) -> list[Row]:
    chosen = [f"{principle['number']}. {principle['title']}" for principle in answers["principles"]]
    return [
        Row("Principles", items=items(chosen)),
        Row("How it meets them", answers["principles_how"]),
    ]


def _attachments(answers: dict, bid: Bid) -> list[Row]:
    files = [
        Item(
            text=attachment["name"],
            url=reverse("apply:attachment", kwargs={"pk": bid.pk, "token": attachment["token"]}),
            note=f"{attachment['kind']}, {filesizeformat(attachment['size'])}",
        )
        for attachment in answers["attachments"]
    ]
    return [Row("Files", items=files)]


def _declarations(answers: dict, bid: Bid) -> list[Row]:
    sponsor = answers["sponsor"]
    return [
        Row("Outputs published under an open licence", "Yes" if answers["open_licence"] else "No"),
        Row(
            "Senior sponsor",
            ", ".join(
                part for part in (sponsor["name"], sponsor["role"], sponsor["email"]) if part
            ),
        ),
    ]


# Each section's rows, in task-list order. Every builder takes the bid as well
# as its answers, so that they share one shape; only the files need it, for
# the links that download them.
SECTION_ROWS = {
    Section.PROJECT: _project,
    Section.PROBLEM: _problem,
    Section.PARTNERS: _partners,
    Section.BUDGET: _budget,
    Section.DELIVERY: _delivery,
    Section.PRINCIPLES: _principles,
    Section.ATTACHMENTS: _attachments,
    Section.DECLARATIONS: _declarations,
}


def frozen_copy_sections(bid: Bid, frozen: dict) -> list[FrozenSection]:
    """The frozen copy `frozen` of `bid`, read as today's questions, by section."""
    answers = read_answers(frozen)
    return [
        FrozenSection(title=section.label, rows=rows(answers, bid))
        for section, rows in SECTION_ROWS.items()
    ]
