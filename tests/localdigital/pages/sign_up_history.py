"""Sign-ups taken through the real services at chosen moments, so that their
history says when each step happened."""

import datetime

import time_machine
from django.core import mail

from signatories import services
from signatories.models import LinkPurpose, SignUp
from tests.factories import OrganisationFactory, answers
from tests.signatories.services.emailed_links import link_in


def at(day: str, hour: int = 10) -> datetime.datetime:
    """A moment in UK winter time (GMT), which is UTC."""
    return datetime.datetime.fromisoformat(day).replace(hour=hour, tzinfo=datetime.UTC)


def sign_up_through(
    capture,
    moderator,
    *,
    started: datetime.datetime,
    reviewed: datetime.datetime | None = None,
    signed: datetime.datetime | None = None,
) -> SignUp:
    """A sign-up sent and confirmed at `started`, approved at `reviewed`, signed at `signed`.

    `capture` is pytest-django's django_capture_on_commit_callbacks, so the
    emails with their links are sent.
    """
    organisation = OrganisationFactory()
    with time_machine.travel(started, tick=False):
        with capture(execute=True):
            sign_up = services.sign_up_submit(organisation=organisation, answers=answers())
        _, link = link_in(mail.outbox[-1], LinkPurpose.CONFIRM_EMAIL)
        with capture(execute=True):
            services.sign_up_confirm_email(link=link)
    sign_up.refresh_from_db()
    if reviewed:
        with time_machine.travel(reviewed, tick=False), capture(execute=True):
            services.sign_up_approve(sign_up=sign_up, by=moderator)
    if signed:
        # Links are looked up as at that moment: they expire.
        with time_machine.travel(signed, tick=False), capture(execute=True):
            _, link = link_in(mail.outbox[-1], LinkPurpose.SIGN)
            services.sign_up_sign(link=link, typed_name="Tom Evans")
    sign_up.refresh_from_db()
    return sign_up
