"""News as an Atom feed: the latest posts, newest first."""

import uuid

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from localdigital.core.site_address import absolute_url
from programme.models import NewsPost

FEED_LENGTH = 30
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://localdigital.gov.uk/news/")


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = "Local Digital news"
    subtitle = "News from the Local Digital programme, newest first."
    author_name = "Local Digital"

    def link(self):
        return absolute_url(reverse("programme:news"))

    def feed_url(self):
        return absolute_url(reverse("programme:news-feed"))

    def items(self):
        return NewsPost.objects.live().newest_first()[:FEED_LENGTH]

    def item_title(self, post: NewsPost) -> str:
        return post.title

    def item_description(self, post: NewsPost) -> str:
        return post.summary

    def item_link(self, post: NewsPost) -> str:
        return absolute_url(post.get_absolute_url())

    def item_guid(self, post: NewsPost) -> str:
        # From the key, not the address: a post whose slug changes stays one entry.
        return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, str(post.pk))}"

    def item_guid_is_permalink(self, post: NewsPost) -> bool:
        return False

    def item_pubdate(self, post: NewsPost):
        return post.published_at

    def item_updateddate(self, post: NewsPost):
        return max(post.published_at, post.updated_at)
