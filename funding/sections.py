"""The bid's task list: what each section asks for, what is still missing
from it, and the status the officer sees beside it.

A section is Completed when the officer has said so and nothing in it is
missing or wrong. It can become In progress again on its own: a partner
council whose signature is removed, or a cost line deleted, reopens it.
"""

from dataclasses import dataclass
from enum import StrEnum

from funding.models import Bid, Section

# The fields each section asks for, in the order its page asks them.
SECTION_FIELDS = {
    Section.PROJECT: ["title", "summary", "service_area"],
    Section.PROBLEM: ["problem", "users"],
    Section.PARTNERS: ["partners"],
    Section.BUDGET: ["phase", "amount", "cost_lines"],
    Section.DELIVERY: ["delivery_plan", "team"],
    Section.PRINCIPLES: ["principles", "principles_how"],
    Section.ATTACHMENTS: ["attachments"],
    Section.DECLARATIONS: ["open_licence", "sponsor_name", "sponsor_role", "sponsor_email"],
}
MANY_VALUED = {"partners", "cost_lines", "principles", "attachments"}

# The most a one-paragraph summary may be: about 150 words.
SUMMARY_MAX_CHARACTERS = 1000


class Status(StrEnum):
    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    COMPLETED = "Completed"
    CANNOT_START = "Cannot start yet"


@dataclass(frozen=True)
class Problem:
    """Something missing or wrong in a section: the field it is about, and what to do."""

    field: str
    message: str


def _required(bid: Bid, field: str, message: str) -> list[Problem]:
    value = getattr(bid, field)
    if field in MANY_VALUED:
        return [] if value.all() else [Problem(field, message)]
    return [] if value not in (None, "", False) else [Problem(field, message)]


def _partner_problems(bid: Bid) -> list[Problem]:
    partners = list(bid.partners.all())
    problems = []
    not_signed_councils = [
        partner.name
        for partner in partners
        # Marked by Bid.objects.with_answers(), which every bid shown to officers is read with.
        if not partner.is_signed_current_council
    ]
    if not_signed_councils:
        problems.append(
            Problem(
                "partners",
                "Remove partners that are not signed councils: " + ", ".join(not_signed_councils),
            )
        )
    minimum = bid.round.min_partners
    if len(partners) < minimum:
        problems.append(
            Problem(
                "partners",
                f"Add at least {minimum} partner council{'s' if minimum != 1 else ''}",
            )
        )
    return problems


def _budget_problems(bid: Bid) -> list[Problem]:
    problems = []
    cap = bid.round.cap_for(bid.phase) if bid.phase else None
    if not bid.phase:
        problems.append(Problem("phase", "Select the phase you are bidding for"))
    elif cap is None:
        problems.append(Problem("phase", "Select a phase that this round funds"))
    if bid.amount is None:
        problems.append(Problem("amount", "Enter the amount you are asking for"))
    elif bid.amount == 0:
        problems.append(Problem("amount", "Enter an amount of at least £1"))
    elif cap is not None and bid.amount > cap:
        problems.append(
            Problem(
                "amount",
                f"Enter an amount of no more than £{cap:,}, the most this round gives "
                f"for {bid.get_phase_display().lower()}",
            )
        )
    lines = list(bid.cost_lines.all())
    if not lines:
        problems.append(Problem("cost_lines", "Add the costs that make up the amount"))
    elif bid.amount is not None:
        total = sum(line.amount for line in lines)
        if total != bid.amount:
            problems.append(
                Problem(
                    "cost_lines",
                    f"Make the costs add up to the amount you are asking for: they come to "
                    f"£{total:,}, and you are asking for £{bid.amount:,}",
                )
            )
    return problems


def _project_problems(bid: Bid) -> list[Problem]:
    found = _required(bid, "title", "Enter the project's title")
    found += _required(bid, "summary", "Enter a summary of the project")
    if len(bid.summary) > SUMMARY_MAX_CHARACTERS:
        found.append(
            Problem("summary", f"Summary must be {SUMMARY_MAX_CHARACTERS} characters or fewer")
        )
    elif "\n\n" in bid.summary.replace("\r\n", "\n").strip():
        found.append(Problem("summary", "Write the summary as one paragraph"))
    return found + _required(bid, "service_area", "Select the service area")


def _declarations_problems(bid: Bid) -> list[Problem]:
    return (
        _required(
            bid,
            "open_licence",
            "Confirm that the project's outputs will be published under an open licence",
        )
        + _required(bid, "sponsor_name", "Enter the senior sponsor's name")
        + _required(bid, "sponsor_role", "Enter the senior sponsor's role")
        + _required(bid, "sponsor_email", "Enter the senior sponsor's email address")
    )


def problems(bid: Bid, section: str) -> list[Problem]:
    """What stops `section` of `bid` from being complete; empty when nothing does."""
    match section:
        case Section.PROJECT:
            return _project_problems(bid)
        case Section.PROBLEM:
            return _required(
                bid, "problem", "Describe the problem the project will solve"
            ) + _required(bid, "users", "Describe the users and what they need")
        case Section.PARTNERS:
            return _partner_problems(bid)
        case Section.BUDGET:
            return _budget_problems(bid)
        case Section.DELIVERY:
            return _required(bid, "delivery_plan", "Describe how you will deliver it") + _required(
                bid, "team", "Describe the team that will do the work"
            )
        case Section.PRINCIPLES:
            return _required(
                bid, "principles", "Select the principles the project serves"
            ) + _required(bid, "principles_how", "Describe how the project meets them")
        case Section.ATTACHMENTS:
            return []
        case Section.DECLARATIONS:
            return _declarations_problems(bid)
    raise ValueError(f"No such section: {section}")


def _started(bid: Bid, section: str) -> bool:
    for field in SECTION_FIELDS[section]:
        value = getattr(bid, field)
        if field in MANY_VALUED:
            if value.all():
                return True
        elif value not in (None, "", False):
            return True
    return False


def status(bid: Bid, section: str) -> Status:
    if section in bid.completed_sections and not problems(bid, section):
        return Status.COMPLETED
    if section in bid.completed_sections or _started(bid, section):
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def statuses(bid: Bid) -> dict[str, Status]:
    """Every section's status, in task-list order."""
    return {section: status(bid, section) for section in Section.values}


def ready_to_submit(bid: Bid) -> bool:
    return all(found == Status.COMPLETED for found in statuses(bid).values())


def check_and_submit_status(bid: Bid) -> Status:
    """The last task: it cannot start until every section is complete."""
    return Status.NOT_STARTED if ready_to_submit(bid) else Status.CANNOT_START


def sections_left(bid: Bid) -> list[str]:
    """The keys of the sections not yet complete, in task-list order."""
    return [section for section, found in statuses(bid).items() if found != Status.COMPLETED]


def incomplete_sections(bid: Bid) -> list[str]:
    """The names of the sections not yet complete, as the task list shows them."""
    return [Section(section).label for section in sections_left(bid)]
