"""The programme's writes with side effects: telling followers of news and events."""

from programme.services.announcing import announce_news_and_events

__all__ = ["announce_news_and_events"]
