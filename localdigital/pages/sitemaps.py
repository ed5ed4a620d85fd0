from django.urls import reverse

from declaration.models import Principle
from funding.sitemaps import FUND_PAGES, FundedProjectSitemap, RoundSitemap
from localdigital.core.site_address import SiteSitemap
from signatories.models import SignUp


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
    """A page for each organisation that has signed."""

    def items(self):
        return SignUp.objects.signed().select_related("organisation").order_by("organisation__name")

    def location(self, sign_up):
        return sign_up.organisation.get_absolute_url()

    def lastmod(self, sign_up):
        return sign_up.signed_at


SITEMAPS = {
    "pages": PublicPagesSitemap,
    "principles": PrincipleSitemap,
    "signatories": SignatorySitemap,
    "fund-rounds": RoundSitemap,
    "fund-projects": FundedProjectSitemap,
}
