"""The pages of project updates and case studies for the sitemap."""

from django.urls import reverse

from localdigital.core.site_address import SiteSitemap
from sharing.models import CaseStudy, ProjectUpdate

# The pages that exist once, whatever the data.
SHARING_PAGES = ["sharing:updates", "sharing:case-studies"]


class UpdateSitemap(SiteSitemap):
    """A page for each public update, paged by its key (one range of the index a page)."""

    paged_by_key = True

    def items(self):
        return ProjectUpdate.objects.public().order_by("pk").values("pk", "updated_at")

    def location(self, row):
        if not hasattr(self, "_prefix"):
            self._prefix = reverse("sharing:update", kwargs={"pk": 1}).removesuffix("1/")
        return f"{self._prefix}{row['pk']}/"

    def lastmod(self, row):
        return row["updated_at"]


class CaseStudySitemap(SiteSitemap):
    """A page for each published case study, paged by its key."""

    paged_by_key = True

    def items(self):
        return CaseStudy.objects.public().order_by("pk").values("pk", "slug", "updated_at")

    def location(self, row):
        if not hasattr(self, "_prefix"):
            self._prefix = reverse("sharing:case-study", kwargs={"slug": "-"}).removesuffix("-/")
        return f"{self._prefix}{row['slug']}/"

    def lastmod(self, row):
        return row["updated_at"]
