"""Helpers for the apps' admin pages: read-only inlines for history, filters
under a heading of our own, and the emails sent about a record."""

from django.contrib import admin
from django.urls import reverse

from localdigital.core.models import OutboundEmail


def titled(filter_class: type[admin.FieldListFilter], title: str) -> type[admin.FieldListFilter]:
    """A field's filter under our own heading: a filter on a related field is
    otherwise headed with that field's bare name ("type", "needs review")."""

    class Titled(filter_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return Titled


class ReadOnlyInlineMixin:
    """An inline that shows rows and never changes them: history is history."""

    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def emails_about(request, reference: str) -> list[dict]:
    """The emails sent about a sign-up or bid, for its admin page, each with a
    link to it in the outbox for staff who may open that."""
    if not reference:
        return []
    can_open = request.user.has_perm("localdigital.view_outboundemail")
    return [
        {
            "email": email,
            "url": reverse("admin:localdigital_outboundemail_change", args=[email.pk])
            if can_open
            else "",
        }
        for email in OutboundEmail.objects.filter(reference=reference).order_by("created_at", "pk")
    ]
