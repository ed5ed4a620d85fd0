"""Every address is either public by design or closed to visitors who are not signed in."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

# Every view that anybody may see. A new public page must be added here on
# purpose; anything else must refuse an anonymous visitor.
PUBLIC_VIEWS = {
    "home",
    "declaration:index",
    "declaration:principle",
    "accessibility",
    "privacy",
    "cookies",
    "contact",
    "robots-txt",
    "sitemap",
    "security-txt",
    "healthz",
    "open-data",
    # How officers get in to bid and out again, as admin:login is for staff.
    "apply:sign-in",
    "apply:sign-in-check-email",
    "apply:sign-in-link",
    "apply:sign-out",
}

# Whole sections that are public by design: pages about signatories, the
# sign-up journey (whose emailed links carry their own single-use secrets) and
# the fund's published pages (not "apply", where officers bid).
PUBLIC_NAMESPACES = {"signatories", "sign", "fund"}

# Sample values for URL parameters, by converter or group name.
SAMPLE_VALUES = {
    "int": "1",
    "slug": "sample",
    "str": "sample",
    "path": "sample/path",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def all_url_patterns(resolver=None, prefix="", namespace=None):
    """Yield (route, full name, pattern) for every URL pattern, following includes."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            child_namespace = ":".join(filter(None, [namespace, entry.namespace]))
            yield from all_url_patterns(entry, route, child_namespace or None)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else None
            yield route, name, entry


def sample_path(route: str) -> str:
    """Turn a route (with <converters> or regex groups) into a concrete path."""
    path = re.sub(
        r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES.get(m.group(1) or "str", "sample"), route
    )
    # Regex routes (admin's app list, its catch-all): take the first alternative.
    path = re.sub(r"\(\?P<\w+>([^|)]*)[^)]*\)", r"\1", path)
    path = re.sub(r"\(\?P<\w+>\.\*\)", "sample", path)
    path = path.replace("^", "").replace("$", "").replace("\\", "")
    return "/" + path


def test_every_url_is_public_by_design_or_protected(client, settings):
    settings.APPEND_SLASH = False
    open_doors = []
    for route, name, _pattern in all_url_patterns():
        if name in PUBLIC_VIEWS or (name and name.split(":")[0] in PUBLIC_NAMESPACES):
            continue
        path = sample_path(route)
        response = client.get(path)
        is_protected = response.status_code in (401, 403, 404) or (
            response.status_code == 302
            and (
                "/login/" in response["Location"]
                # Officers' pages send visitors to sign in by email first.
                or response["Location"].startswith(reverse("apply:sign-in") + "?")
            )
        )
        # The admin's sign-in and sign-out pages are how staff get in and out.
        if name in {"admin:login", "admin:logout"}:
            is_protected = response.status_code in (200, 302, 405)
        if not is_protected:
            open_doors.append(f"{path} ({name}) answered {response.status_code}")

    assert open_doors == []


def test_the_walk_covers_the_public_views_and_the_admin():
    names = {name for _route, name, _pattern in all_url_patterns()}

    assert names >= PUBLIC_VIEWS, "a listed public view no longer exists"
    assert "admin:index" in names
    assert "admin:declaration_principle_change" in names
