"""Content editors' screens for news, events, programme pages and co-publishers."""

from programme.admin import co_publishers, events, news, pages

__all__ = ["co_publishers", "events", "news", "pages"]
