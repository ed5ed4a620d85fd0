"""What the bid services refuse to do, and why, as data.

A refusal carries `reasons`: (code, values) pairs whose values are plain
names, numbers and times. The service knows why it says no; the pages say
it in words (funding.apply.refusals holds them, each written once), so the
same reason reads the same wherever it is shown.
"""

import datetime

# Why something was refused: a code, and the values its words need.
Reason = tuple[str, dict]


class Refused(Exception):
    """A service declined to do what was asked; `reasons` says why."""

    def __init__(self, reasons: list[Reason]):
        self.reasons = reasons
        super().__init__(reasons)


class NotEligible(Refused):
    """The officer may not start, or may no longer send, a bid led by this council.

    Its `problems`, each (code, values):
    ("round_not_open", {"round"}), ("lead_not_signed", {"lead"}),
    ("address_not_of_lead", {"lead"}), ("not_invited", {"round", "lead"}),
    ("lead_limit", {"lead", "limit", "round"})
    when starting; ("lead_no_longer_signed", {"lead"}) when submitting.
    """

    def __init__(self, problems: list[Reason]):
        self.problems = problems
        super().__init__(problems)


class BidNotEditable(Refused):
    """The bid has been submitted or withdrawn: its answers can no longer change."""

    def __init__(self, *, state: str):
        self.state = state
        super().__init__([("not_editable", {"state": state})])


class RoundClosed(Refused):
    """The round is not open, so nothing can be submitted to it."""

    def __init__(self, *, round_name: str, closes_at: datetime.datetime):
        super().__init__([("round_closed", {"round": round_name, "closes_at": closes_at})])


class BidIncomplete(Refused):
    """Some sections are not complete yet: `sections_left` are their keys (models.Section)."""

    def __init__(self, sections_left: list[str]):
        self.sections_left = sections_left
        super().__init__([("section_left", {"section": section}) for section in sections_left])


class LeadLimitReached(Refused):
    """The lead council has already submitted as many bids as the round allows."""

    def __init__(self, *, lead_name: str, limit: int, round_name: str):
        super().__init__([("lead_limit", {"lead": lead_name, "limit": limit, "round": round_name})])
