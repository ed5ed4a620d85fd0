"""Atom feeds of project updates: every project's, and one project's."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from funding.models import Bid
from localdigital.core.site_address import absolute_url
from sharing.models import ProjectUpdate

FEED_LENGTH = 50


class AllUpdatesFeed(Feed):
    feed_type = Atom1Feed
    title = "Updates from Local Digital Fund projects"
    subtitle = "Sprint notes, show and tells, outputs and blog posts from funded projects."
    author_name = "Local Digital"

    def link(self):
        return absolute_url(reverse("sharing:updates"))

    def feed_url(self):
        return absolute_url(reverse("sharing:feed"))

    def updates(self):
        return ProjectUpdate.objects.public().select_related("bid").newest_first()

    def items(self):
        return self.updates()[:FEED_LENGTH]

    def item_title(self, update: ProjectUpdate) -> str:
        return f"{update.title} ({update.bid.title})"

    def item_description(self, update: ProjectUpdate) -> str:
        # Sanitised when saved (localdigital.core.markdown).
        return update.body_html

    def item_link(self, update: ProjectUpdate) -> str:
        return absolute_url(update.get_absolute_url())

    def item_pubdate(self, update: ProjectUpdate):
        return update.published_at

    def item_updateddate(self, update: ProjectUpdate):
        return update.updated_at

    def item_categories(self, update: ProjectUpdate):
        return [update.get_kind_display()]


class ProjectUpdatesFeed(AllUpdatesFeed):
    def get_object(self, request, reference):
        bid = Bid.objects.funded().filter(reference=reference).first()
        if bid is None:
            raise Http404("No funded project has this reference.")
        return bid

    def title(self, bid: Bid) -> str:
        return f"Updates from {bid.title}"

    def subtitle(self, bid: Bid) -> str:
        return f"Updates posted by the councils of the funded project {bid.reference}."

    def link(self, bid: Bid):
        return absolute_url(bid.get_absolute_url())

    def feed_url(self, bid: Bid):
        return absolute_url(reverse("sharing:project-feed", kwargs={"reference": bid.reference}))

    def items(self, bid: Bid):
        return self.updates().filter(bid=bid)[:FEED_LENGTH]
