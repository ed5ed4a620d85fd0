"""The words of the worker's reminders: plain text, GOV.UK style, each
function returning (subject, body)."""

import datetime

from django.urls import reverse
from django.utils import dateformat

from funding.models import Assignment, Bid
from localdigital.core.emails import SIGN_OFF
from localdigital.core.jinja2 import govuk_date_time
from localdigital.core.site_address import absolute_url


def draft_round_closing(bid: Bid) -> tuple[str, str]:
    round_ = bid.round
    closes = govuk_date_time(round_.closes_at)
    subject = f"Your draft bid to {round_.name} has not been submitted: it closes {closes}"
    body = f"""Hello,

Your bid "{bid.title or "untitled"}" for {bid.lead.name} to {round_.name} of the {round_.fund.name} is still a draft. We cannot accept it unless it is submitted before the round closes at {closes} (UK time).

To finish it and submit it, sign in and open it here:

{absolute_url(reverse("apply:bid", kwargs={"pk": bid.pk}))}

If you no longer mean to bid, you can ignore this email.

{SIGN_OFF}
"""
    return subject, body


def assessments_due(assessor, assignments: list[Assignment], *, due: datetime.date):
    count = len(assignments)
    due_on = dateformat.format(due, "j F Y")
    subject = f"{count} bid{'s' if count != 1 else ''} to score by {due_on}"
    lines = "\n".join(f"- {a.bid.reference}: {a.bid.title}" for a in assignments)
    name = assessor.get_full_name() or assessor.get_username()
    body = f"""Hello {name},

These bids assigned to you are due to be scored by {due_on}, and you have not scored them fully yet:

{lines}

Your assessments are listed here:

{absolute_url(reverse("admin:funding_bid_mine"))}

If you have a conflict of interest with one of them, declare it there.

{SIGN_OFF}
"""
    return subject, body
