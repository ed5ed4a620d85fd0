"""Demonstration news, events, programme pages and co-publishers for `make run`.

News: two posts published, one scheduled for next week (it appears on its own
at its time) and one draft. Events: one past at a venue, two to come, one of
them online. Three programme pages, one inside another. Co-publishers: councils
from the register and bodies typed in. Each is made only if its slug or name is
not there yet, so running this again changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from declaration.models import Principle
from programme.models import (
    Attendance,
    CoPublisher,
    CoPublisherKind,
    Event,
    NewsPost,
    ProgrammePage,
    PublicationStatus,
)
from signatories.models import Organisation

LAUNCH = datetime.date(2018, 7, 4)

NEWS = [
    # (slug, title, summary, body, days from now, status, principle numbers)
    (
        "round-7-of-the-fund-is-open",
        "Round 7 of the Local Digital Fund is open",
        "Signed councils can bid, with at least two partner councils, for discovery, alpha "
        "and beta projects.",
        "## Who can bid\n\nAny council that has signed the declaration can lead a bid, with at "
        "least two partner councils that have signed too.\n\n## How to bid\n\nStart from the "
        "round's page. Your bid is saved as you go.",
        -2,
        PublicationStatus.PUBLISHED,
        [2, 5],
    ),
    (
        "councils-share-a-planning-tool",
        "Five councils share one planning application tool",
        "A project funded in round 6 has released its code for any council to reuse.",
        "The councils built the tool in the open, publishing sprint notes every fortnight.\n\n"
        "## What it does\n\nIt checks an application before it is sent, so fewer are invalid.",
        -20,
        PublicationStatus.PUBLISHED,
        [1],
    ),
    (
        "show-and-tell-recordings",
        "Recordings of the spring show and tells",
        "Catch up on what funded projects showed this spring.",
        "Each recording has captions and a transcript.",
        7,
        PublicationStatus.PUBLISHED,
        [5],
    ),
    (
        "cyber-guidance-draft",
        "New cyber guidance for councils",
        "Not finished yet.",
        "Draft.",
        -1,
        PublicationStatus.DRAFT,
        [3],
    ),
]

EVENTS = [
    # (slug, title, days from now, hours long, online, booking link)
    ("digital-planning-show-and-tell", "Digital planning show and tell", 10, 1.5, True, True),
    ("cyber-meet-up-in-leeds", "Cyber meet-up in Leeds", 24, 3, False, True),
    ("declaration-anniversary-meet-up", "Declaration anniversary meet-up", -60, 2, False, False),
]

PAGES = [
    # (slug, title, parent slug, position, summary)
    ("cyber-support", "Cyber support", None, 1, "Help for councils to protect their services."),
    ("cyber-training", "Cyber training", "cyber-support", 1, "Courses for council staff."),
    ("digital-planning", "Digital planning", None, 2, "Making the planning system digital."),
]

CO_PUBLISHERS_FROM_THE_REGISTER = [
    ("Leeds City Council", CoPublisherKind.COUNCIL),
    ("London Borough of Hackney", CoPublisherKind.COUNCIL),
    ("Kent County Council", CoPublisherKind.COUNCIL),
]
CO_PUBLISHERS_TYPED_IN = [
    ("Ministry of Housing, Communities and Local Government", CoPublisherKind.CENTRAL_GOVERNMENT),
    ("Government Digital Service", CoPublisherKind.CENTRAL_GOVERNMENT),
    ("Local Government Association", CoPublisherKind.SECTOR_BODY),
    ("LocalGov Digital", CoPublisherKind.SECTOR_BODY),
]


@transaction.atomic
def create_demo_programme() -> None:
    now = timezone.now()
    _news(now)
    _events(now)
    _pages()
    _co_publishers()


def _news(now) -> None:
    for slug, title, summary, body, days, status, principles in NEWS:
        post, made = NewsPost.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "summary": summary,
                "body": body,
                "status": status,
                "published_at": now + datetime.timedelta(days=days),
            },
        )
        if made:
            post.principles.set(Principle.objects.filter(number__in=principles))


def _events(now) -> None:
    for slug, title, days, hours, online, booking in EVENTS:
        starts = (now + datetime.timedelta(days=days)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        Event.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "description": f"{title}: teams from councils show what they have made and "
                "what they learned, with time for questions.",
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=hours),
                "attendance": Attendance.ONLINE if online else Attendance.IN_PERSON,
                "venue_name": "" if online else "Leeds Civic Hall",
                "venue_address": "" if online else "Calverley Street\nLeeds\nLS1 1UR",
                "organiser": "MHCLG Local Digital team",
                "booking_url": f"https://www.example.org/book/{slug}" if booking else "",
                "accessibility": "Live captions are provided. Tell us about any other "
                "adjustments you need when you book.",
                "status": PublicationStatus.PUBLISHED,
            },
        )


def _pages() -> None:
    for slug, title, parent_slug, position, summary in PAGES:
        ProgrammePage.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "summary": summary,
                "body": f"{summary}\n\n## What it offers\n\nAdvice, training and funding.\n\n"
                "## Who it is for\n\nEvery council, and the bodies that work with them.",
                "parent": ProgrammePage.objects.filter(slug=parent_slug).first(),
                "position": position,
                "status": PublicationStatus.PUBLISHED,
            },
        )


def _co_publishers() -> None:
    for name, kind in CO_PUBLISHERS_FROM_THE_REGISTER:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is not None:
            CoPublisher.objects.get_or_create(
                organisation=organisation, defaults={"kind": kind, "joined_on": LAUNCH}
            )
    for name, kind in CO_PUBLISHERS_TYPED_IN:
        CoPublisher.objects.get_or_create(name=name, defaults={"kind": kind, "joined_on": LAUNCH})
