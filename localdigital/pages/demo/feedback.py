"""Demo feedback, so that the service performance page has a satisfaction figure
to show, and the figures worked out from all the demo content."""

import datetime

from django.utils import timezone

from localdigital.pages import performance
from localdigital.pages.models import Feedback, Satisfaction

# (days ago, answer, comment)
ANSWERS = [
    (3, Satisfaction.VERY_SATISFIED, "Signing up took ten minutes."),
    (12, Satisfaction.SATISFIED, ""),
    (25, Satisfaction.SATISFIED, "I could not find where to change our commitment."),
    (40, Satisfaction.NEITHER, ""),
    (70, Satisfaction.VERY_SATISFIED, "The task list made the bid easy to share out."),
    (130, Satisfaction.DISSATISFIED, "The sign-in link expired before I opened it."),
]


def create_demo_feedback() -> int:
    """Add the demo answers once; work out the performance figures. How many were added."""
    added = 0
    if not Feedback.objects.exists():
        now = timezone.now()
        Feedback.objects.bulk_create(
            Feedback(
                satisfaction=answer,
                comment=comment,
                from_page="/sign/",
                received_at=now - datetime.timedelta(days=days),
            )
            for days, answer, comment in ANSWERS
        )
        added = len(ANSWERS)
    performance.record()
    return added
