import functools

from django.urls import reverse

from declaration.models import Principle
from funding.sitemaps import (
    FUND_PAGES,
    FundedProjectSitemap,
    RoundExpressionsSitemap,
    RoundSitemap,
)
from localdigital.core.page_cache import keep_until
from localdigital.core.site_address import SiteSitemap
from programme.models import NewsPost
from programme.sitemaps import PROGRAMME_PAGES, EventSitemap, NewsSitemap, ProgrammePageSitemap
from sharing.sitemaps import SHARING_PAGES, CaseStudySitemap, UpdateSitemap
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
            *SHARING_PAGES,
            *PROGRAMME_PAGES,
            "accessibility",
            "privacy",
            "cookies",
            "contact",
            "performance",
            "feedback",
            "email-updates",
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
    "fund-expressions": RoundExpressionsSitemap,
    "project-updates": UpdateSitemap,
    "case-studies": CaseStudySitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
    "programme": ProgrammePageSitemap,
}


def news_kept_until_the_next_post(section_view):
    """The sitemap's news section lists a scheduled post from its time: kept
    in the cache no later than that, as the news pages are."""

    @functools.wraps(section_view)
    def view(request, *args, **kwargs):
        response = section_view(request, *args, **kwargs)
        if kwargs.get("section") == "news":
            keep_until(response, NewsPost.objects.next_publication_time())
        return response

    return view
