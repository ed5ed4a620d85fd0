"""A URL configuration for tests of the error pages: the site's own, plus two
views that fail on purpose."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from localdigital.urls import handler400, handler403, handler404, handler500, urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug, on purpose")


urlpatterns = [
    *urlpatterns,
    path("forbidden/", forbidden),
    path("broken/", broken),
]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
