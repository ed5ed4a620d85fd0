"""Every address is either public by design or closed to visitors who are not signed in."""

import pytest
from django.urls import reverse

from tests.url_patterns import all_url_patterns, sample_path

pytestmark = pytest.mark.django_db

# Every view that anybody may see. A new public page must be added here on
# purpose; anything else must refuse an anonymous visitor.
PUBLIC_VIEWS = {
    "home",
    "declaration:index",
    "declaration:principle",
    "declaration:co-publishers",
    "accessibility",
    "privacy",
    "cookies",
    "contact",
    "robots-txt",
    "sitemap",
    "security-txt",
    "healthz",
    "open-data",
    "open-data-package",
    "declaration-pdf",
    "feedback",
    "feedback-sent",
    "performance",
    "performance-csv",
    "performance-json",
    "performance-rounds-csv",
    "performance-rounds-json",
    "search",
    # How officers get in to bid and out again, as admin:login is for staff.
    "apply:sign-in",
    "apply:sign-in-check-email",
    "apply:sign-in-link",
    "apply:sign-out",
    # Project updates: the funded project's page with them, the list, each
    # update's page, the feeds and the open data.
    "project-with-updates",
    "sharing:updates",
    "sharing:feed",
    "sharing:updates-csv",
    "sharing:updates-json",
    "sharing:update",
    "sharing:project-feed",
    # Case studies: the list, each one's page and the open data.
    "sharing:case-studies",
    "sharing:case-study",
    "sharing:case-studies-csv",
    "sharing:case-studies-json",
    # Following by email: the pages behind emailed links carry their own
    # secrets; the confirmation page only shows a button, and the one-click
    # address takes only the mail program's POST.
    "subscriptions:confirm",
    "subscriptions:one-click",
    # Choosing topics of email updates: a form for anyone, confirmed by email.
    "email-updates",
}

# Whole sections that are public by design: pages about signatories, the
# sign-up journey (whose emailed links carry their own single-use secrets) and
# the fund's published pages (not "apply", where officers bid), and the
# programme's news, events and pages.
PUBLIC_NAMESPACES = {"signatories", "sign", "fund", "programme"}


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
