"""The fund's pages that exist once for each round and each funded project."""

from funding.models import Bid, Round
from localdigital.core.site_address import SiteSitemap

# The fund's pages that exist once, whatever the data, for the site's own list.
FUND_PAGES = ["fund:index", "fund:bids", "fund:projects", "fund:partners"]


class RoundSitemap(SiteSitemap):
    def items(self):
        return Round.objects.order_by("-opens_at", "-pk")


class FundedProjectSitemap(SiteSitemap):
    def items(self):
        return Bid.objects.funded().order_by("reference")

    def lastmod(self, bid):
        return bid.decided_at
