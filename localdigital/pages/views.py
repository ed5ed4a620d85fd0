"""Site-wide pages: home, the information pages, errors and machine-readable files."""

import sys
from datetime import UTC, datetime

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from declaration.models import Declaration, Principle
from funding import counts as fund_counts
from localdigital.core.page_cache import keep_until, public_page
from localdigital.core.site_address import absolute_url
from programme.models import NewsPost
from sharing.models import CaseStudy, ProjectUpdate
from signatories import counts as signatory_counts
from signatories.models import SignUp

LATEST_SIGNATORIES_SHOWN = 5
LATEST_NEWS_SHOWN = 3
LATEST_CASE_STUDIES_SHOWN = 3
LATEST_UPDATES_SHOWN = 3


@require_safe
def home(request):
    response = render(
        request,
        "home.html",
        {
            "declaration": Declaration.objects.first(),
            "principles": Principle.objects.in_order(),
            # From the summary rows that signing and deciding keep: no count of every row.
            "counts": signatory_counts.totals(),
            "fund_totals": fund_counts.all_funds_totals(),
            "latest_signatories": SignUp.objects.signed()
            .select_related("organisation")
            .newest_first()[:LATEST_SIGNATORIES_SHOWN],
            "latest_news": NewsPost.objects.live().newest_first()[:LATEST_NEWS_SHOWN],
            "latest_case_studies": CaseStudy.objects.public()
            .select_related("service_area")
            .newest_first()[:LATEST_CASE_STUDIES_SHOWN],
            "latest_updates": ProjectUpdate.objects.public()
            .for_listing()
            .newest_first()[:LATEST_UPDATES_SHOWN],
        },
    )
    # A scheduled post joins the latest news at its time: kept until then at most.
    return keep_until(response, NewsPost.objects.next_publication_time())


def information_page(template_name: str, page_title: str):
    """A view for a page of fixed text, such as the privacy notice."""

    @public_page
    @require_safe
    def view(request):
        return render(request, template_name, {"page_title": page_title})

    view.__name__ = template_name.rsplit("/", 1)[-1].removesuffix(".html").replace("-", "_")
    return view


@require_safe
def robots_txt(request):
    # The admin is not named here: robots.txt is public, and naming it would
    # publish the ADMIN_URL that is kept unguessable. Its pages say "noindex"
    # themselves (AdminNoIndexMiddleware).
    lines = [
        "User-agent: *",
        "Disallow: /fund/apply/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# How far ahead security.txt's Expires is: RFC 9116 wants less than a year.
SECURITY_TXT_MONTHS_AHEAD = 6


def security_txt_expires(now: datetime) -> datetime:
    """Midnight UTC on the first of the month SECURITY_TXT_MONTHS_AHEAD after now's.

    The file is made from the settings the site runs with, so it cannot go
    stale as a hand-kept file would; what RFC 9116 asks of the date is that it
    be less than a year ahead and not move on every request (caches and
    checkers should see one file). Rolling monthly gives both: the same date
    for a whole month, five to six months ahead, and never in the past while
    the site runs.
    """
    months = now.year * 12 + (now.month - 1) + SECURITY_TXT_MONTHS_AHEAD
    return datetime(months // 12, months % 12 + 1, 1, tzinfo=UTC)


@require_safe
def security_txt(request):
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {security_txt_expires(timezone.now()).isoformat()}",
        "Preferred-Languages: en",
        f"Canonical: {absolute_url(reverse('security-txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """200 when the database answers, 503 when it does not: for load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # Called while the error is being handled, so it can say which error.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    return render(request, "errors/500.html", status=500)


# Raised when the database cannot be reached or stops answering: not a fault in
# the page, and gone once the database is back.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# Long enough for a database to restart or fail over.
RETRY_AFTER_SECONDS = 30


def service_unavailable(request):
    response = render(request, "errors/503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request, reason=""):
    return render(request, "errors/403_csrf.html", status=403)
