"""Saving a news post or event that is now live tells its followers at once,
in the admin's own transaction, rather than at the worker's next run (which
still catches a post scheduled for later, at its time)."""

from programme.services import announce_news_and_events


class AnnouncesOnSave:
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        announce_news_and_events()
