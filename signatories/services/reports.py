"""Reports on declaration projects: asking for them eleven months after signing,
reminding once two weeks later, and the officer's answer, published at once."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from signatories import emails
from signatories.models import Delivery, DeliveryReport, LinkPurpose, ReportRequest, SignUp
from signatories.services.links import new_link, use_link


def _email_the_ask(sign_up: SignUp, *, reminder: bool) -> None:
    path = new_link(sign_up=sign_up, purpose=LinkPurpose.REPORT)
    for to, to_approver in [(sign_up.officer_email, False), (sign_up.approver_email, True)]:
        message = emails.report_asked(
            sign_up, path=path, reminder=reminder, to_approver=to_approver
        )
        emails.queue(message, to=to, sign_up=sign_up)


def ask_for_reports(*, now: datetime.datetime | None = None) -> int:
    """Ask each signatory eleven months on how its project went, once. How many were asked."""
    now = now or timezone.now()
    asked = 0
    due = SignUp.objects.to_ask_for_a_report(now=now).select_related("organisation", "commitment")
    for sign_up in due.iterator(chunk_size=500):
        try:
            with transaction.atomic():
                # The request is one a sign-up: a second worker asking at the
                # same time fails here, and sends nothing.
                ReportRequest.objects.create(sign_up=sign_up, asked_at=now)
                _email_the_ask(sign_up, reminder=False)
        except IntegrityError:
            continue
        asked += 1
    return asked


def remind_about_reports(*, now: datetime.datetime | None = None) -> int:
    """Remind, once, each signatory asked two weeks ago that has not answered. How many."""
    now = now or timezone.now()
    reminded = 0
    due = SignUp.objects.to_remind_about_the_report(now=now).select_related(
        "organisation", "commitment"
    )
    for sign_up in due.iterator(chunk_size=500):
        with transaction.atomic():
            claimed = ReportRequest.objects.filter(
                sign_up=sign_up, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                _email_the_ask(sign_up, reminder=True)
                reminded += 1
    return reminded


def report_delivery(
    *, link, delivery: Delivery, delivered: str, links: list[str], reported_by: str
) -> SignUp | None:
    """The officer's (or approver's) report, published on the signatory's page.

    None if the link was used meanwhile, or the project has been reported on
    already (by the other person's copy of the email).
    """
    sign_up = link.sign_up
    with transaction.atomic():
        if not use_link(link):
            return None
        try:
            with transaction.atomic():
                DeliveryReport.objects.create(
                    sign_up=sign_up,
                    delivery=delivery,
                    delivered=delivered,
                    links=links,
                    reported_by=reported_by,
                )
        except IntegrityError:
            return None
        # The other copies of the link have nothing left to do.
        sign_up.links.filter(purpose=LinkPurpose.REPORT, used_at__isnull=True).update(
            expires_at=timezone.now()
        )
    return sign_up
