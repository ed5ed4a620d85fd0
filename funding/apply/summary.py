"""A bid's answers as a summary by section (localdigital.core.summaries):
what check your answers shows of the draft, with a link to change each
answer, and what the page of a sent bid shows of the copy frozen when it
was sent. templates/macros/summary.html turns it into summary lists.
"""

from dataclasses import replace

from django.urls import reverse

from funding.answers import read_answers
from funding.apply.links import section_url
from funding.models import Bid, Section
from localdigital.core.summaries import Answer, Item, SummarySection, items


def _pounds(amount: int | None) -> str:
    return "Not answered" if amount is None else f"£{amount:,}"


def _project(answers: dict, bid: Bid) -> list[Answer]:
    return [
        Answer("Title", text=answers["title"], change_hidden="the title"),
        Answer("Summary", paragraphs=answers["summary"] or "", change_hidden="the summary"),
        Answer("Service area", text=answers["service_area"], change_hidden="the service area"),
    ]


def _problem(answers: dict, bid: Bid) -> list[Answer]:
    return [
        Answer("The problem", paragraphs=answers["problem"] or "", change_hidden="the problem"),
        Answer(
            "Users and their needs", paragraphs=answers["users"] or "", change_hidden="the users"
        ),
    ]


def _partners(answers: dict, bid: Bid) -> list[Answer]:
    return [
        # Not changed here: the lead was chosen when the draft began. Always
        # named, so an empty name stays empty rather than "Not answered".
        Answer("Lead council", text=answers["lead"]["name"], empty=""),
        Answer(
            "Partner councils",
            items=items(partner["name"] for partner in answers["partners"]),
            empty="None",
            change_hidden="the partner councils",
        ),
    ]


def _budget(answers: dict, bid: Bid) -> list[Answer]:
    costs = [
        f"{line['category']}: {line['description']}, {_pounds(line['amount'])}"
        for line in answers["cost_lines"]
    ]
    return [
        Answer("Phase", text=answers["phase"], change_hidden="the phase"),
        Answer("Amount", text=_pounds(answers["amount"]), change_hidden="the amount"),
        Answer("Costs", items=items(costs), empty="None", change_hidden="the costs"),
    ]


def _delivery(answers: dict, bid: Bid) -> list[Answer]:
    return [
        Answer(
            "Delivery plan",
            paragraphs=answers["delivery_plan"] or "",
            change_hidden="the delivery plan",
        ),
        Answer("Team", paragraphs=answers["team"] or "", change_hidden="the team"),
    ]


def _principles(answers: dict, bid: Bid) -> list[Answer]:
    chosen = [f"{principle['number']}. {principle['title']}" for principle in answers["principles"]]
    return [
        Answer("Principles", items=items(chosen), empty="None", change_hidden="the principles"),
        Answer(
            "How it meets them",
            paragraphs=answers["principles_how"] or "",
            change_hidden="how it meets the principles",
        ),
    ]


def _attachment(attachment: dict, bid: Bid) -> Item:
    """A file, linked for download, with its kind and size: "(PDF, 3 KB)"."""
    address = reverse("apply:attachment", kwargs={"pk": bid.pk, "token": attachment["token"]})
    kilobytes = max(1, round(attachment["size"] / 1024))
    return Item(text=attachment["name"], url=address, note=f"{attachment['kind']}, {kilobytes} KB")


def _attachments(answers: dict, bid: Bid) -> list[Answer]:
    files = [_attachment(attachment, bid) for attachment in answers["attachments"]]
    if not files:
        # No files reads "None" as plain text, not as the hint of other empty lists.
        return [Answer("Files", text="", empty="None", change_hidden="the files")]
    return [Answer("Files", items=files, change_hidden="the files")]


def _declarations(answers: dict, bid: Bid) -> list[Answer]:
    sponsor = answers["sponsor"]
    return [
        Answer(
            "Outputs published under an open licence",
            text="Yes" if answers["open_licence"] else "No",
            change_hidden="whether outputs will be published under an open licence",
        ),
        Answer("Senior sponsor", text=sponsor["name"], change_hidden="the senior sponsor"),
        Answer("Their role", text=sponsor["role"], change_hidden="the sponsor’s role"),
        Answer(
            "Their email address",
            text=sponsor["email"],
            change_hidden="the sponsor’s email address",
        ),
    ]


# Each section's answers, in task-list order.
SECTION_ANSWERS = {
    Section.PROJECT: _project,
    Section.PROBLEM: _problem,
    Section.PARTNERS: _partners,
    Section.BUDGET: _budget,
    Section.DELIVERY: _delivery,
    Section.PRINCIPLES: _principles,
    Section.ATTACHMENTS: _attachments,
    Section.DECLARATIONS: _declarations,
}


def answer_summary(answers: dict, *, bid: Bid, changes: bool) -> list[SummarySection]:
    """The answers (funding.answers: a frozen copy, or bid_answers of a draft) by section.

    With `changes`, each answer that can be changed links to its section's
    page, which brings the officer back to check your answers afterwards.
    """
    answers = read_answers(answers)
    summary = []
    for section, build in SECTION_ANSWERS.items():
        shown = build(answers, bid)
        if changes:
            change = section_url(bid, section.value, back_to_check=True)
            shown = [replace(row, change_url=change) if row.change_hidden else row for row in shown]
        summary.append(
            SummarySection(heading=section.label, answers=shown, id=f"section-{section.value}")
        )
    return summary
