"""The words of the emails about an expression of interest: plain text, GOV.UK style.

Each function returns (subject, body) and names the expression's reference.
"""

from django.urls import reverse

from funding.models import Expression
from localdigital.core.emails import SIGN_OFF
from localdigital.core.site_address import absolute_url


def _page(expression: Expression) -> str:
    return absolute_url(reverse("apply:expression", kwargs={"pk": expression.pk}))


def received(expression: Expression) -> tuple[str, str]:
    round_ = expression.round
    subject = f"Your expression of interest has been sent – reference {expression.reference}"
    body = f"""Hello,

Your expression of interest in {round_.name} of the {round_.fund.name} has been sent.

Reference: {expression.reference}
Project: {expression.title}
Lead council: {expression.lead.name}
Estimated cost: £{expression.estimated_cost:,}

You can read it as you sent it here:

{_page(expression)}

We will email you when we have decided whether to invite {expression.lead.name} to make a full bid.

{SIGN_OFF}
"""
    return subject, body


def outcome(expression: Expression, *, invited: bool) -> tuple[str, str]:
    round_ = expression.round
    if invited:
        subject = f"You are invited to make a full bid – reference {expression.reference}"
        decision = (
            f"We are pleased to invite {expression.lead.name} to make a full bid to "
            f"{round_.name}. Sign in and open your expression of interest to start the bid "
            f"from it: its answers are filled in for you."
        )
    else:
        subject = f"Decision on your expression of interest – reference {expression.reference}"
        decision = (
            f"We are sorry to tell you that {expression.lead.name} is not invited to make a "
            f"full bid to {round_.name}. You may express interest again in a later round."
        )
    body = f"""Hello,

This is the decision on the expression of interest "{expression.title}", reference {expression.reference}.

{decision}

Our feedback:

{expression.feedback}

{_page(expression)}

{SIGN_OFF}
"""
    return subject, body
