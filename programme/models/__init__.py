from programme.models.co_publishers import CoPublisher, CoPublisherKind
from programme.models.events import Attendance, Event
from programme.models.news import NewsPost, NewsPostSlugRedirect, PublicationStatus
from programme.models.pages import ProgrammePage, ProgrammePageSlugRedirect

__all__ = [
    "Attendance",
    "CoPublisher",
    "CoPublisherKind",
    "Event",
    "NewsPost",
    "NewsPostSlugRedirect",
    "ProgrammePage",
    "ProgrammePageSlugRedirect",
    "PublicationStatus",
]
