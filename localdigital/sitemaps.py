from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from declaration.models import Principle


class PublicPagesSitemap(Sitemap):
    """The pages that exist once, whatever the data."""

    def items(self):
        return ["home", "declaration:index", "accessibility", "privacy", "cookies", "contact"]

    def location(self, item):
        return reverse(item)


class PrincipleSitemap(Sitemap):
    def items(self):
        return Principle.objects.in_order()

    def lastmod(self, principle):
        return principle.updated_at


SITEMAPS = {"pages": PublicPagesSitemap, "principles": PrincipleSitemap}
