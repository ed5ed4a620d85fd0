"""The words of every email the fund sends: plain text, GOV.UK style.

Each function returns (subject, body). Every email about a bid names its
reference; sign-in emails have none to name.
"""

from django.urls import reverse

from funding.models import Bid
from localdigital.core.emails import SIGN_OFF, subject_name
from localdigital.core.site_address import absolute_url


def sign_in(*, path: str, minutes: int) -> tuple[str, str]:
    subject = "Sign in to bid to the Local Digital Fund"
    body = f"""Hello,

Someone asked to sign in to bid to the Local Digital Fund with this email address.

To sign in, open this link and select the button on the page:

{absolute_url(path)}

The link works once, for {minutes} minutes. If it has expired, ask for a new one on the sign-in page.

If you did not ask to sign in, ignore this email. Nobody can sign in without the link.

{SIGN_OFF}
"""
    return subject, body


def submitted_to_officer(bid: Bid) -> tuple[str, str]:
    subject = f"Your bid has been submitted – reference {bid.reference}"
    body = f"""Hello,

Your bid to {bid.round.name} of the {bid.round.fund.name} has been submitted.

Reference: {bid.reference}
Project: {bid.title}
Lead council: {bid.lead.name}
Partner councils: {", ".join(partner.name for partner in bid.partners.all())}
Amount: £{bid.amount:,}

You can read the bid as you sent it here:

{absolute_url(reverse("apply:bid", kwargs={"pk": bid.pk}))}

We will email you when a decision has been made. You can withdraw the bid until then.

{SIGN_OFF}
"""
    return subject, body


def submitted_to_partner(bid: Bid, *, partner_name: str) -> tuple[str, str]:
    subject = (
        f"{subject_name(partner_name)} is a partner in a Local Digital Fund bid – "
        f"reference {bid.reference}"
    )
    body = f"""Hello,

{bid.lead.name} has submitted a bid to {bid.round.name} of the {bid.round.fund.name}, naming {partner_name} as a partner council. We are writing to you as {partner_name}'s contact for the Local Digital Declaration.

Reference: {bid.reference}
Project: {bid.title}
Amount: £{bid.amount:,}

{bid.summary}

If {partner_name} has not agreed to take part, tell us by replying to this email and quoting the reference.

{SIGN_OFF}
"""
    return subject, body


def withdrawn(bid: Bid) -> tuple[str, str]:
    subject = f"Your bid has been withdrawn – reference {bid.reference or 'draft'}"
    body = f"""Hello,

The bid "{bid.title or "untitled"}" by {bid.lead.name} to {bid.round.name} has been withdrawn{f", reference {bid.reference}" if bid.reference else ""}.

It will not be assessed. If this is a mistake, contact the Local Digital team.

{SIGN_OFF}
"""
    return subject, body


def outcome(bid: Bid, *, funded: bool) -> tuple[str, str]:
    if funded:
        subject = f"Your bid has been funded – reference {bid.reference}"
        decision = (
            f"We are pleased to tell you that {bid.round.name} of the {bid.round.fund.name} "
            f"will fund your project, with £{bid.awarded:,}{_award_note(bid)}. We will be in "
            f"touch about the grant agreement and how to share your outputs and sprint notes."
        )
    else:
        subject = f"Decision on your bid – reference {bid.reference}"
        decision = (
            f"We are sorry to tell you that {bid.round.name} of the {bid.round.fund.name} "
            f"will not fund your project at this stage. Many good bids could not be funded. "
            f"You may bid again in a later round."
        )
    body = f"""Hello,

This is the decision on the bid "{bid.title}" by {bid.lead.name}, reference {bid.reference}.

{decision}

The panel's feedback on each criterion:

{_feedback(bid)}

{SIGN_OFF}
"""
    return subject, body


def _award_note(bid: Bid) -> str:
    if bid.amount is None or bid.awarded == bid.amount:
        return ""
    return f" (you asked for £{bid.amount:,})"


def _feedback(bid: Bid) -> str:
    return "\n\n".join(
        f"{feedback.criterion.name}\n{feedback.text}"
        for feedback in bid.feedback.select_related("criterion")
    )
