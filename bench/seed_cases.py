"""Bulk case studies for the benchmark: published ones, each told by a few of
the benchmark's councils, with principles and outcomes (written directly: the
service's emails are not what is measured)."""

import random

from django.db import transaction
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from localdigital.core.markdown import render_markdown
from sharing.models import CaseStudy, CaseStudyState, Outcome
from signatories.models import Organisation

PROBLEM = (
    "Residents waited **weeks** for an answer.\n\n* calls went unanswered\n* forms were on paper"
)
DONE = "We built a shared online service with three other councils."


def seed_case_studies(count: int) -> None:
    if CaseStudy.objects.filter(slug__startswith="bench-case-study-").count() >= count:
        return
    rng = random.Random(2024)
    now = timezone.now()
    areas = list(ServiceArea.objects.values_list("pk", flat=True))
    with transaction.atomic():
        CaseStudy.objects.filter(slug__startswith="bench-case-study-").delete()
        case_studies = CaseStudy.objects.bulk_create(
            (
                CaseStudy(
                    title=f"Benchmark case study {n}",
                    slug=f"bench-case-study-{n}",
                    service_area_id=rng.choice(areas),
                    summary="A shared online service cut waiting times.",
                    problem=PROBLEM,
                    problem_html=render_markdown(PROBLEM),
                    what_was_done=DONE,
                    what_was_done_html=render_markdown(DONE),
                    state=CaseStudyState.PUBLISHED,
                    published_at=now - timezone.timedelta(hours=rng.randrange(1, 20_000)),
                )
                for n in range(count)
            ),
            batch_size=5_000,
        )
        _relations(case_studies, rng)


def _relations(case_studies: list[CaseStudy], rng: random.Random) -> None:
    councils = list(
        Organisation.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)[:2_000]
    )
    principles = list(Principle.objects.values_list("pk", flat=True))
    told_by = CaseStudy.councils.through
    follows = CaseStudy.principles.through
    told_by.objects.bulk_create(
        (
            told_by(casestudy_id=c.pk, organisation_id=council)
            for c in case_studies
            for council in rng.sample(councils, min(2, len(councils)))
        ),
        batch_size=5_000,
    )
    follows.objects.bulk_create(
        (
            follows(casestudy_id=c.pk, principle_id=principle)
            for c in case_studies
            for principle in rng.sample(principles, 2)
        ),
        batch_size=5_000,
    )
    Outcome.objects.bulk_create(
        (
            Outcome(case_study_id=c.pk, measure="Time to an answer", figure="down 60%", position=0)
            for c in case_studies
        ),
        batch_size=5_000,
    )
