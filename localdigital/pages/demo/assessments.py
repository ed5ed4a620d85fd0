"""The demo's assessments for `make run`: round 7's sent bids are assigned to
demo.assessor, with a due date, so "My assessments" shows what is due; the
round needs two assessors a bid, so the bid list flags those with fewer.

Run after the demo staff are made. Nothing is assigned twice on a second run.
"""

import datetime

from django.contrib.auth import get_user_model

from funding import services
from funding.models import Assignment, Round
from localdigital.pages.demo.fund_content import OPEN_ROUND

DEMO_ASSESSOR = "demo.assessor"


def assign_demo_assessments() -> int:
    """Assign demo.assessor the open round's sent bids; return how many assignments were made."""
    round_ = Round.objects.filter(slug=OPEN_ROUND.slug).first()
    assessor = get_user_model().objects.filter(username=DEMO_ASSESSOR).first()
    if round_ is None or assessor is None:
        return 0
    if round_.assessment_due_on is None:
        round_.assessment_due_on = round_.closes_at.date() + datetime.timedelta(weeks=2)
        round_.save(update_fields=["assessment_due_on"])
    made = 0
    for bid in round_.bids.filter(state__in=services.ASSIGNABLE_STATES):
        if not Assignment.objects.filter(bid=bid, assessor=assessor).exists():
            services.assign_assessor(bid=bid, assessor=assessor, by=None)
            made += 1
    return made
