"""The words for the services' refusals (funding.services.refusals), each
written once: a table from a reason's code to its message, filled in with
the reason's values."""

import datetime

from funding.models import Section
from funding.services import Refused
from localdigital.core.jinja2 import govuk_date_time

LEAD_LIMIT = "{lead} has already submitted {bids} to {round}, the most one council may lead."

# Why a bid cannot be started: services.NotEligible's problems.
NOT_ELIGIBLE = {
    "round_not_open": "{round} is not open for bids.",
    "lead_not_signed": (
        "Only councils that have signed the Local Digital Declaration can lead a bid, "
        "and {lead} is not one."
    ),
    "address_not_of_lead": (
        "Your email address is not one we know for {lead}. Sign in with your {lead} address, "
        "or ask us to add your organisation's email domain."
    ),
    "not_invited": (
        "{round} takes full bids only from councils invited after their expression of "
        "interest, and {lead} has not been invited."
    ),
    "lead_limit": LEAD_LIMIT,
}

# Why an expression of interest could not be sent: services.ExpressionNotAccepted's reasons.
EXPRESSION_REFUSED = {
    "expressions_not_open": "{round} is not taking expressions of interest now.",
    "lead_not_signed": NOT_ELIGIBLE["lead_not_signed"],
    "address_not_of_lead": NOT_ELIGIBLE["address_not_of_lead"],
    "partner_not_signed": (
        "{partner} can no longer be a partner: choose councils that have signed the "
        "Local Digital Declaration"
    ),
}

# Why check your answers could not submit the bid: each refusal of services.bid_submit.
SUBMIT_REFUSED = {
    "round_closed": (
        "You cannot submit this bid: {round} closed on {closes_at} (UK time). "
        "Your draft has been kept."
    ),
    "lead_no_longer_signed": (
        "{lead} can no longer lead a bid: only current councils that have signed "
        "the Local Digital Declaration can."
    ),
    "section_left": "Complete the section “{section}”",
    "lead_limit": f"You cannot submit this bid: {LEAD_LIMIT} Your draft has been kept.",
    "not_editable": (
        "This bid has already been submitted or withdrawn, perhaps by a colleague. "
        "See its page for where it is now."
    ),
}


def _as_read(values: dict) -> dict:
    """A reason's values as its words need them: a count of bids, a time, a section's name."""
    shown = dict(values)
    if "limit" in values:
        limit = values["limit"]
        shown["bids"] = f"{limit} bid{'s' if limit != 1 else ''}"
    if isinstance(values.get("closes_at"), datetime.datetime):
        shown["closes_at"] = govuk_date_time(values["closes_at"])
    if "section" in values:
        shown["section"] = Section(values["section"]).label
    return shown


def words(table: dict[str, str], code: str, values: dict) -> str:
    """The message `table` gives the reason `code`, with its values filled in."""
    return table[code].format(**_as_read(values))


def messages(table: dict[str, str], refused: Refused) -> list[str]:
    """The message for each of the refusal's reasons, in order."""
    return [words(table, code, values) for code, values in refused.reasons]
