"""The fund's pages that exist once for each round and each funded project."""

from django.urls import reverse

from funding.models import Bid, Round
from localdigital.core.site_address import SiteSitemap

# The fund's pages that exist once, whatever the data, for the site's own list.
FUND_PAGES = ["fund:index", "fund:bids", "fund:projects", "fund:partners"]


class RoundSitemap(SiteSitemap):
    def items(self):
        return Round.objects.order_by("-opens_at", "-pk")


class FundedProjectSitemap(SiteSitemap):
    """A page for each funded project: paged by the bid's key, so a page is one
    range of that index, and only the two columns its address needs are read."""

    paged_by_key = True

    def items(self):
        return Bid.objects.funded().order_by("pk").values("reference", "decided_at")

    def location(self, row):
        # reverse() once a page, not once an address: it is most of a page's time.
        if not hasattr(self, "_prefix"):
            self._prefix = reverse("fund:project", kwargs={"reference": "-"}).removesuffix("-/")
        return f"{self._prefix}{row['reference']}/"

    def lastmod(self, row):
        return row["decided_at"]


class RoundExpressionsSitemap(SiteSitemap):
    """The page of each round whose expressions of interest are published."""

    def items(self):
        return Round.objects.published().filter(expressions_open_at__isnull=False).order_by("pk")

    def location(self, round_):
        return reverse("fund:round-expressions", kwargs={"slug": round_.slug})
