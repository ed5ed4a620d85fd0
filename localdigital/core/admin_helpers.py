"""Helpers for the apps' admin pages: pages of a model admin's own, read-only
inlines for history, filters under a heading of our own, and the emails sent
about a record."""

from django.contrib import admin
from django.urls import URLPattern, path, reverse

from localdigital.core.models import OutboundEmail


def admin_page(model_admin: admin.ModelAdmin, route: str, view, *, page: str) -> URLPattern:
    """A page of `model_admin`'s own at `route`, behind the admin's sign-in and
    named as Django names the admin's pages (admin:<app>_<model>_<page>).

    List it before the admin's own URLs: their catch-all "<path:object_id>/"
    would otherwise take it.
    """
    opts = model_admin.opts
    return path(
        route,
        model_admin.admin_site.admin_view(view),
        name=f"{opts.app_label}_{opts.model_name}_{page}",
    )


def admin_page_url(model_admin: admin.ModelAdmin, page: str, *args, **kwargs) -> str:
    """The address of one of `model_admin`'s pages: Django's ("change") or its own."""
    opts = model_admin.opts
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=args, kwargs=kwargs)


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
