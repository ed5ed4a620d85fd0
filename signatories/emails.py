"""The words of every email the sign-up workflow sends: plain text, GOV.UK style.

Each function returns (subject, body), which `queue` puts in the outbox. Every
email names the sign-up's reference.
"""

from django.conf import settings
from django.utils import timezone

from localdigital.core.emails import SIGN_OFF, subject_name
from localdigital.core.outbox import queue_email
from localdigital.core.site_address import absolute_url
from signatories.models import SignUp


def queue(message: tuple[str, str], *, to: str, sign_up: SignUp) -> None:
    """Put one of these emails in the outbox, filed under the sign-up's reference."""
    subject, body = message
    queue_email(to=to, subject=subject, body=body, reference=sign_up.reference)


def confirm_email(sign_up: SignUp, *, path: str) -> tuple[str, str]:
    subject = f"Confirm your email address – reference {sign_up.reference}"
    body = f"""Dear {sign_up.officer_name},

You have started signing the Local Digital Declaration for {sign_up.organisation.name}.

Your reference is {sign_up.reference}.

To send your answers to the Local Digital team, confirm your email address by opening this link and selecting the button on the page:

{absolute_url(path)}

The link works once, for 7 days.

If you did not do this, ignore this email. Nothing will be sent without your confirmation.

{SIGN_OFF}
"""
    return subject, body


def received(sign_up: SignUp) -> tuple[str, str]:
    subject = f"We have received your sign-up – reference {sign_up.reference}"
    due = (
        sign_up.review_due.strftime("%-d %B %Y") if sign_up.review_due else "within 3 working days"
    )
    body = f"""Dear {sign_up.officer_name},

Thank you for confirming your email address. The Local Digital team will review the sign-up for {sign_up.organisation.name} by {due}.

Your reference is {sign_up.reference}.

If it needs changing, we will email you advice. When it is ready, we will email {sign_up.approver_name} a link to sign the declaration.

{SIGN_OFF}
"""
    return subject, body


def please_sign(sign_up: SignUp, *, path: str) -> tuple[str, str]:
    subject = f"Sign the Local Digital Declaration for {subject_name(sign_up.organisation.name)} – reference {sign_up.reference}"
    body = f"""Dear {sign_up.approver_name},

{sign_up.officer_name} ({sign_up.officer_job_title}) has asked you to sign the Local Digital Declaration on behalf of {sign_up.organisation.name}, and has written the commitment your organisation will make.

Your reference is {sign_up.reference}.

Read the declaration and the commitment, and sign, here:

{absolute_url(path)}

The link works once, for 30 days.

{SIGN_OFF}
"""
    return subject, body


def changes_requested(sign_up: SignUp, *, path: str) -> tuple[str, str]:
    subject = f"Your sign-up needs changes – reference {sign_up.reference}"
    body = f"""Dear {sign_up.officer_name},

We have reviewed the sign-up for {sign_up.organisation.name}, reference {sign_up.reference}. Before it can be signed, please make these changes:

{sign_up.changes_advice}

Make the changes and send them back to us here:

{absolute_url(path)}

The link works for 30 days.

{SIGN_OFF}
"""
    return subject, body


def rejected(sign_up: SignUp) -> tuple[str, str]:
    subject = f"Your sign-up has not been accepted – reference {sign_up.reference}"
    note = f"\n{sign_up.rejection_note}\n" if sign_up.rejection_note else ""
    body = f"""Dear {sign_up.officer_name},

We have not been able to accept the sign-up for {sign_up.organisation.name}, reference {sign_up.reference}.

The reason is: {sign_up.rejection_reason}
{note}
If you have questions, reply to this email or contact {settings.CONTACT_EMAIL}, quoting your reference.

{SIGN_OFF}
"""
    return subject, body


def signed_copy(sign_up: SignUp, *, recipient_name: str, declaration_url: str) -> tuple[str, str]:
    commitment = sign_up.commitment
    principles = "\n".join(f"- {p.title}" for p in commitment.principles.all())
    subject = f"{subject_name(sign_up.organisation.name)} has signed the Local Digital Declaration – reference {sign_up.reference}"
    body = f"""Dear {recipient_name},

{sign_up.organisation.name} has signed the Local Digital Declaration. This is your copy.

Reference: {sign_up.reference}
Signed by: {sign_up.signed_by_name}, {sign_up.approver_role}
Signed on: {timezone.localtime(sign_up.signed_at):%-d %B %Y}

The declaration: {absolute_url(declaration_url)}

Our commitment

Title: {commitment.title}
Partners: {commitment.partners or "None named"}
Mission: {commitment.mission}
Impact: {commitment.impact}
Service area: {commitment.service_area}
Principles:
{principles}

Your organisation and its commitment are now shown on the Local Digital website.

{SIGN_OFF}
"""
    return subject, body


def removed(sign_up: SignUp) -> tuple[str, str]:
    subject = (
        f"Your organisation has been removed from the signatories – reference {sign_up.reference}"
    )
    body = f"""Dear {sign_up.officer_name},

{sign_up.organisation.name} has been removed from the list of organisations that have signed the Local Digital Declaration, reference {sign_up.reference}.

The reason is: {sign_up.removal_reason}

If you have questions, contact {settings.CONTACT_EMAIL}, quoting your reference.

{SIGN_OFF}
"""
    return subject, body


def report_asked(
    sign_up: SignUp, *, path: str, reminder: bool, to_approver: bool
) -> tuple[str, str]:
    """Eleven months on: how did the declaration project go? To the officer, copied to the approver."""
    commitment = sign_up.commitment
    subject = (
        f"{'Reminder: ' if reminder else ''}Tell us how your declaration project went – "
        f"reference {sign_up.reference}"
    )
    copied = (
        f"You are copied into this email as the senior approver who signed for "
        f"{sign_up.organisation.name}. Either of you can answer.\n\n"
        if to_approver
        else ""
    )
    first = "We asked you two weeks ago, and have not had an answer yet. " if reminder else ""
    body = f"""Dear {sign_up.officer_name},

{copied}{first}When {sign_up.organisation.name} signed the Local Digital Declaration on {timezone.localtime(sign_up.signed_at):%-d %B %Y}, you committed to deliver this project within a year:

{commitment.title}

Your reference is {sign_up.reference}.

Tell us whether it was delivered, partly delivered or not delivered, what was delivered and where people can see it. It takes about 5 minutes. Your answer is published on your organisation's page on the Local Digital website, so that others can learn from it.

Answer here:

{absolute_url(path)}

The link works once, for 60 days.

{SIGN_OFF}
"""
    return subject, body
