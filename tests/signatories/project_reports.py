"""Signatories at a chosen time since signing, and the report links they are emailed."""

import datetime
import re

from django.core import mail
from django.utils import timezone

from signatories.models import SignUp, SignUpState
from tests.factories import SignUpFactory

REPORT_LINK = re.compile(r"http://testserver(/sign/report/[^/\s]+/)")


def signed_days_ago(days: int, **fields) -> SignUp:
    fields.setdefault("state", SignUpState.SIGNED)
    return SignUpFactory(signed_at=timezone.now() - datetime.timedelta(days=days), **fields)


def report_path(message) -> str:
    found = REPORT_LINK.search(message.body)
    assert found, message.body
    return found.group(1)


def latest_report_path() -> str:
    return report_path(mail.outbox[-1])
