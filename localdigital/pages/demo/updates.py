"""Demo updates: a few posts on each funded demo project, made through the
service as the lead council's officer would post them, dated in the weeks
after the round was decided."""

import datetime

from django.db import transaction

from funding.models import Bid
from sharing import services
from sharing.models import ProjectUpdate, UpdateKind

DEMO_UPDATES = [
    (
        UpdateKind.SPRINT_NOTE,
        "Sprint 1: what we learnt from officers",
        "We interviewed **eight officers** across the partner councils.\n\n"
        "* Most of the work is chasing missing information.\n"
        "* Each council keeps its own spreadsheet, with different columns.\n\n"
        "Next sprint we will sketch one shared way of recording a case.",
        "",
    ),
    (
        UpdateKind.SHOW_AND_TELL,
        "Show and tell: the first prototype",
        "Forty people from six councils came to our show and tell. We walked through a "
        "paper prototype and heard what would stop them using it.\n\n"
        "## What changed\n\nWe dropped two steps that nobody needed.",
        "https://www.gov.uk/service-manual/agile-delivery/show-and-tells",
    ),
]
# Days after the decision that each demo update is dated.
POSTED_AFTER_DAYS = [21, 49]


def create_demo_updates() -> int:
    """Post the demo updates on each funded project that has none; how many were posted."""
    made = 0
    for bid in Bid.objects.funded().select_related("lead").order_by("pk"):
        if ProjectUpdate.objects.filter(bid=bid).exists():
            continue
        with transaction.atomic():
            for (kind, title, body, links), days in zip(
                DEMO_UPDATES, POSTED_AFTER_DAYS, strict=True
            ):
                update = services.update_post(
                    bid=bid,
                    email=bid.submitted_by_email,
                    fields=services.UpdateFields(kind=kind, title=title, body=body, links=links),
                )
                posted = bid.decided_at + datetime.timedelta(days=days)
                ProjectUpdate.objects.filter(pk=update.pk).update(
                    published_at=posted, updated_at=posted
                )
                made += 1
    return made
