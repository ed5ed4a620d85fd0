"""The programme's content as the browser and markup tests see it: news (one
scheduled, one draft), events upcoming and past, a small tree of programme
pages and co-publishers, one from the register."""

import datetime

from django.utils import timezone

from declaration.models import Principle
from programme.models import Attendance, CoPublisherKind, PublicationStatus
from tests.factories import (
    CoPublisherFactory,
    EventFactory,
    NewsPostFactory,
    OrganisationFactory,
    ProgrammePageFactory,
)

# (address, the page's main heading), once programme_content() has run.
PROGRAMME_PAGES = [
    ("/news/", "News"),
    ("/news/round-7-is-open/", "Round 7 of the fund is open"),
    ("/events/", "Events"),
    ("/events/digital-planning-show-and-tell/", "Digital planning show and tell"),
    ("/events/cyber-meet-up-in-leeds/", "Cyber meet-up in Leeds"),
    ("/programme/", "The programme"),
    ("/programme/cyber-support/", "Cyber support"),
    ("/programme/cyber-training/", "Cyber training"),
    ("/declaration/co-publishers/", "Co-publishers of the declaration"),
]


def programme_content() -> None:
    now = timezone.now()
    post = NewsPostFactory(
        title="Round 7 of the fund is open",
        slug="round-7-is-open",
        summary="Councils can bid for up to £350,000 with two partner councils.",
        body="## Who can bid\n\nAny signed council, with **two** partners.",
        published_at=now - datetime.timedelta(hours=3),
    )
    post.principles.add(Principle.objects.get(number=2))
    NewsPostFactory(title="Signatories pass 300", slug="signatories-pass-300")
    NewsPostFactory(
        title="Next week's news",
        slug="next-weeks-news",
        published_at=now + datetime.timedelta(days=7),
    )
    NewsPostFactory(title="Half-written", slug="half-written", status=PublicationStatus.DRAFT)
    EventFactory(
        title="Digital planning show and tell",
        slug="digital-planning-show-and-tell",
        booking_url="https://example.org/book/planning",
        accessibility="Live captions are provided.",
    )
    EventFactory(
        title="Cyber meet-up in Leeds",
        slug="cyber-meet-up-in-leeds",
        attendance=Attendance.IN_PERSON,
        venue_name="Leeds Civic Hall",
        venue_address="Calverley Street\nLeeds\nLS1 1UR",
        starts_at=now - datetime.timedelta(days=30),
    )
    cyber = ProgrammePageFactory(title="Cyber support", slug="cyber-support", position=1)
    ProgrammePageFactory(title="Cyber training", slug="cyber-training", parent=cyber)
    ProgrammePageFactory(title="Digital planning", slug="digital-planning", position=2)
    CoPublisherFactory(name="Government Digital Service", kind=CoPublisherKind.CENTRAL_GOVERNMENT)
    CoPublisherFactory(
        name="",
        organisation=OrganisationFactory(name="Hackney Council"),
        kind=CoPublisherKind.COUNCIL,
    )
