"""The programme's pages that exist once for each post, event and programme page."""

from localdigital.core.site_address import SiteSitemap
from programme.models import Event, NewsPost, ProgrammePage

# The programme's pages that exist once, whatever the data, for the site's own list.
PROGRAMME_PAGES = [
    "programme:news",
    "programme:events",
    "programme:index",
    "declaration:co-publishers",
]


class NewsSitemap(SiteSitemap):
    def items(self):
        return NewsPost.objects.live().newest_first()

    def lastmod(self, post):
        return max(post.published_at, post.updated_at)


class EventSitemap(SiteSitemap):
    def items(self):
        return Event.objects.published().order_by("-starts_at", "-pk")

    def lastmod(self, event):
        return event.updated_at


class ProgrammePageSitemap(SiteSitemap):
    def items(self):
        return ProgrammePage.objects.published().in_order()

    def lastmod(self, page):
        return page.updated_at
