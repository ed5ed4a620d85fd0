from django.urls import reverse

from declaration.models import Principle
from funding.sitemaps import FUND_PAGES, FundedProjectSitemap, RoundSitemap
from localdigital.core.site_address import SiteSitemap
from signatories.models import Organisation, SignUp


class PublicPagesSitemap(SiteSitemap):
    """The pages that exist once, whatever the data."""

    def items(self):
        return [
            "home",
            "declaration:index",
            "signatories:list",
            "signatories:projects",
            "signatories:coverage",
            "sign:start",
            "open-data",
            "search",
            *FUND_PAGES,
            "accessibility",
            "privacy",
            "cookies",
            "contact",
        ]

    def location(self, item):
        return reverse(item)


class PrincipleSitemap(SiteSitemap):
    def items(self):
        return Principle.objects.in_order()

    def lastmod(self, principle):
        return principle.updated_at


class SignatorySitemap(SiteSitemap):
    """A page for each organisation that has signed.

    Paged by the sign-up's key, so a page is one range of that index; the
    organisations' slugs are then read by their keys. One query joining the
    two was planned as a scan of every organisation.
    """

    paged_by_key = True

    def items(self):
        return SignUp.objects.signed().order_by("pk").values("organisation_id", "signed_at")

    def complete_page(self, rows):
        slugs = dict(
            Organisation.objects.filter(
                pk__in=[row["organisation_id"] for row in rows]
            ).values_list("pk", "slug")
        )
        return [{**row, "organisation__slug": slugs[row["organisation_id"]]} for row in rows]

    def location(self, row):
        # reverse() once a page, not once an address: it is most of a page's time.
        if not hasattr(self, "_prefix"):
            self._prefix = reverse("signatories:detail", kwargs={"slug": "-"}).removesuffix("-/")
        return f"{self._prefix}{row['organisation__slug']}/"

    def lastmod(self, row):
        return row["signed_at"]


SITEMAPS = {
    "pages": PublicPagesSitemap,
    "principles": PrincipleSitemap,
    "signatories": SignatorySitemap,
    "fund-rounds": RoundSitemap,
    "fund-projects": FundedProjectSitemap,
}
