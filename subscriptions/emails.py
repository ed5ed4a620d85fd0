"""The words of the emails to followers: plain text, GOV.UK style.

Each function returns (subject, body). Every email but the confirmation ends
with the links to manage what they follow and to unsubscribe.
"""

from collections.abc import Iterable

from django.template.loader import render_to_string

from localdigital.core.emails import SIGN_OFF
from localdigital.core.site_address import absolute_url
from subscriptions.links import manage_url, unsubscribe_url
from subscriptions.models import Announcement, Bulletin, Subscriber


def _footer(subscriber: Subscriber) -> str:
    return f"""You are getting this email because you follow this on Local Digital.

Change how often you hear, or what you follow:
{manage_url(subscriber)}

Unsubscribe from every email:
{unsubscribe_url(subscriber)}
"""


def confirm(*, label: str, path: str, days: int) -> tuple[str, str]:
    subject = "Confirm you want email updates from Local Digital"
    body = f"""Hello,

Someone asked for email updates about {label} to be sent to this address.

To confirm, open this link and select the button on the page:

{absolute_url(path)}

The link works for {days} days. If you did not ask, ignore this email: we will not email you again, and we will delete your address.

{SIGN_OFF}
"""
    return subject, body


def already_following(*, subscriber: Subscriber, label: str) -> tuple[str, str]:
    subject = "You already get email updates from Local Digital"
    body = f"""Hello,

Someone asked for email updates about {label} to be sent to this address. You already get them, so nothing has changed.

{SIGN_OFF}

{_footer(subscriber)}"""
    return subject, body


def announcement(*, subscriber: Subscriber, item: Announcement) -> tuple[str, str]:
    body = f"""{item.title}

{item.text}

Read it on Local Digital:
{item.url}

{_footer(subscriber)}"""
    return item.subject, body


def digest(*, subscriber: Subscriber, items: Iterable[Announcement]) -> tuple[str, str]:
    entries = "\n\n".join(f"{item.title}\n{item.text}\n{item.url}" for item in items)
    subject = "Your weekly digest from Local Digital"
    body = f"""Hello,

This is what was new this week in what you follow.

{entries}

{_footer(subscriber)}"""
    return subject, body


def bulletin(*, subscriber: Subscriber, item: Bulletin) -> tuple[str, str, str]:
    """(subject, plain text, HTML): the editor's words in both, with the footer."""
    text = f"""{item.body_text}
{_footer(subscriber)}"""
    html = render_to_string(
        "subscriptions/emails/bulletin.html",
        {
            "bulletin": item,
            "manage_url": manage_url(subscriber),
            "unsubscribe_url": unsubscribe_url(subscriber),
        },
    )
    return item.subject, text, html


def bulletin_test(*, item: Bulletin) -> tuple[str, str, str]:
    """The editor's own copy: the same words, marked as a test, with no
    personal links (they may follow nothing)."""
    note = "This is a test of a bulletin that has not been sent."
    text = f"{note}\n\n{item.body_text}"
    html = render_to_string(
        "subscriptions/emails/bulletin.html",
        {"bulletin": item, "manage_url": "", "unsubscribe_url": "", "test_note": note},
    )
    return f"[Test] {item.subject}", text, html
