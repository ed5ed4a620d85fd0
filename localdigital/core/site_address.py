"""The site's public address, SITE_URL, for every absolute link it gives out:
emails, the sitemap, the feed, the open data and security.txt.

Never the address a request came in on: behind a load balancer, or from
`make run` on another port, that is not the address people should be sent,
and a link in an email is made with no request at all.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


def absolute_url(path: str) -> str:
    """The public address of `path`, a path on this site such as reverse() gives."""
    return f"{settings.SITE_URL}{path}"


class SiteSitemap(Sitemap):
    """A sitemap whose addresses start with SITE_URL.

    Django's sitemaps take the domain from the sites framework, or else from
    the request; this site has no sites framework, and the request is not
    to be trusted for it.
    """

    def get_urls(self, page=1, site=None, protocol=None):
        address = urlsplit(settings.SITE_URL)
        return super().get_urls(
            page=page, site=SimpleNamespace(domain=address.netloc), protocol=address.scheme
        )
