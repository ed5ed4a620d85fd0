"""Bulk news, events, programme pages and co-publishers for the benchmark: 100
times what the real programme published (some 200 posts, 100 events and ten
programme pages), and its 45 co-publishers, which the declaration page lists."""

import datetime

from django.db import transaction
from django.utils import timezone

from localdigital.core.markdown import render_markdown
from programme.models import (
    Attendance,
    CoPublisher,
    CoPublisherKind,
    Event,
    NewsPost,
    ProgrammePage,
    PublicationStatus,
)
from programme.models.pages import with_section_ids

BODY = "## What happened\n\nCouncils met to **share** what they built.\n\n## What next\n\nMore."
CO_PUBLISHERS = 45


def seed_programme(*, posts: int, events: int, pages: int) -> None:
    if NewsPost.objects.filter(slug__startswith="bench-").count() >= posts:
        return
    now = timezone.now()
    with transaction.atomic():
        NewsPost.objects.filter(slug__startswith="bench-").delete()
        Event.objects.filter(slug__startswith="bench-").delete()
        ProgrammePage.objects.filter(slug__startswith="bench-").delete()
        CoPublisher.objects.filter(name__startswith="Bench ").delete()
        _posts(posts, now)
        _events(events, now)
        _pages(pages)
        CoPublisher.objects.bulk_create(
            CoPublisher(
                name=f"Bench co-publisher {n}",
                kind=CoPublisherKind.SECTOR_BODY,
                joined_on=datetime.date(2018, 7, 4),
            )
            for n in range(CO_PUBLISHERS)
        )


def _posts(count: int, now) -> None:
    html = render_markdown(BODY)
    NewsPost.objects.bulk_create(
        (
            NewsPost(
                title=f"Bench news {n}",
                slug=f"bench-news-{n}",
                summary="What councils found when they worked in the open.",
                body=BODY,
                body_html=html,
                status=PublicationStatus.PUBLISHED,
                # One in a hundred is scheduled: the pages ask when the next is due.
                published_at=now + datetime.timedelta(hours=n - count + count // 100),
            )
            for n in range(count)
        ),
        batch_size=2000,
    )


def _events(count: int, now) -> None:
    html = render_markdown(BODY)
    Event.objects.bulk_create(
        (
            Event(
                title=f"Bench event {n}",
                slug=f"bench-event-{n}",
                description=BODY,
                description_html=html,
                # One in a hundred is still to come, as a handful a month are.
                starts_at=now + datetime.timedelta(days=n - count * 99 // 100),
                ends_at=now + datetime.timedelta(days=n - count * 99 // 100, hours=2),
                attendance=Attendance.ONLINE if n % 2 else Attendance.IN_PERSON,
                venue_name="" if n % 2 else "Leeds Civic Hall",
                venue_address="" if n % 2 else "Calverley Street\nLeeds\nLS1 1UR",
                organiser="MHCLG Local Digital team",
                status=PublicationStatus.PUBLISHED,
            )
            for n in range(count)
        ),
        batch_size=2000,
    )


def _pages(count: int) -> None:
    html = with_section_ids(render_markdown(BODY))
    tops = ProgrammePage.objects.bulk_create(
        ProgrammePage(
            title=f"Bench strand {n}",
            slug=f"bench-page-{n}",
            summary="A strand of the programme.",
            body=BODY,
            body_html=html,
            position=n,
            status=PublicationStatus.PUBLISHED,
        )
        for n in range(count // 10)
    )
    ProgrammePage.objects.bulk_create(
        ProgrammePage(
            title=f"Bench page {n}",
            slug=f"bench-page-{n}",
            summary="A page of a strand.",
            body=BODY,
            body_html=html,
            parent=tops[n % len(tops)],
            position=n,
            status=PublicationStatus.PUBLISHED,
        )
        for n in range(count // 10, count)
    )
