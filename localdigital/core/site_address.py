"""The site's public address, SITE_URL, for every absolute link it gives out:
emails, the sitemap, the feed, the open data and security.txt.

Never the address a request came in on: behind a load balancer, or from
`make run` on another port, that is not the address people should be sent,
and a link in an email is made with no request at all.
"""

from functools import cached_property
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max


def absolute_url(path: str) -> str:
    """The public address of `path`, a path on this site such as reverse() gives."""
    return f"{settings.SITE_URL}{path}"


class _KeyRangePaginator(Paginator):
    """Pages of a sitemap section by ranges of primary key: page n holds the
    rows whose key is in ((n - 1) * per_page, n * per_page].

    Each page is then one range scan of the key's index, however far in, where
    OFFSET would read and throw away every row before it (a sort of the whole
    table, over 30,000 sign-ups). A page may hold fewer addresses than
    per_page where rows were deleted or are not public, never more, and the
    number of pages comes from the highest key alone.
    """

    def __init__(self, object_list, per_page, *, complete):
        super().__init__(object_list, per_page)
        self.complete = complete

    @cached_property
    def num_pages(self) -> int:
        highest = self.object_list.model.objects.aggregate(highest=Max("pk"))["highest"] or 0
        return max(1, -(-highest // self.per_page))

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = self.object_list.filter(pk__gt=start, pk__lte=start + self.per_page)
        return self._get_page(self.complete(list(rows)), number, self)


class SiteSitemap(Sitemap):
    """A sitemap whose addresses start with SITE_URL.

    Django's sitemaps take the domain from the sites framework, or else from
    the request; this site has no sites framework, and the request is not
    to be trusted for it.

    Each section is served in pages of `limit` addresses, listed by the
    sitemap index, so no one response renders tens of thousands of them.
    """

    limit = 500
    # A section over a large table sets this, and its items() is a queryset:
    # its pages are then ranges of primary key (see _KeyRangePaginator).
    paged_by_key = False

    def complete_page(self, rows: list) -> list:
        """A page's rows, with anything read in a second query added (a section
        paged by key may override this)."""
        return rows

    @property
    def paginator(self):
        if self.paged_by_key:
            return _KeyRangePaginator(self.items(), self.limit, complete=self.complete_page)
        return super().paginator

    def get_latest_lastmod(self):
        # Django's default reads every item's lastmod to find the newest; the
        # index would then scan every row of every section. The index leaves
        # lastmod out; each section's page still gives its own.
        return None

    def get_urls(self, page=1, site=None, protocol=None):
        address = urlsplit(settings.SITE_URL)
        return super().get_urls(
            page=page, site=SimpleNamespace(domain=address.netloc), protocol=address.scheme
        )


def sitemap_index(request, sitemaps: dict, sitemap_url_name: str):
    """The sitemap index: every page of every section, at SITE_URL.

    Django's own index view takes the domain from the request (see
    SiteSitemap); this one is the same list with the site's own address. It
    costs one count per section, each from a summary row or a small table.
    """
    from django.contrib.sitemaps.views import SitemapIndexItem
    from django.template.response import TemplateResponse
    from django.urls import reverse

    entries = []
    for section, sitemap_class in sitemaps.items():
        address = absolute_url(reverse(sitemap_url_name, kwargs={"section": section}))
        entries.append(SitemapIndexItem(address, None))
        for page in range(2, sitemap_class().paginator.num_pages + 1):
            entries.append(SitemapIndexItem(f"{address}?p={page}", None))
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sitemap_section(request, sitemaps: dict, section: str):
    """One page of one section of the sitemap (`?p=` numbers the pages).

    Written out directly rather than through Django's sitemap template: the
    template costs some 50 µs an address (a tag lookup and a date filter
    each), ten times the query, so a page of 500 took over 100 ms.
    """
    from datetime import datetime
    from xml.sax.saxutils import escape

    from django.core.paginator import InvalidPage
    from django.http import Http404, HttpResponse

    if section not in sitemaps:
        raise Http404("No such sitemap section")
    try:
        urls = sitemaps[section]().get_urls(page=request.GET.get("p", 1))
    except InvalidPage as error:
        raise Http404("No such page of the sitemap") from error
    lines = ['<?xml version="1.0" encoding="UTF-8"?>\n', _URLSET_OPEN]
    for url in urls:
        lines.append(f"<url><loc>{escape(url['location'])}</loc>")
        lastmod = url.get("lastmod")
        if lastmod:
            day = lastmod.date() if isinstance(lastmod, datetime) else lastmod
            lines.append(f"<lastmod>{day.isoformat()}</lastmod>")
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    response = HttpResponse("".join(lines), content_type="application/xml")
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


_URLSET_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
