"""Funded projects: bids that were funded, in rounds whose decisions are published.

Their list page has no search, so "see all" goes to the published bids, searched
and narrowed to those funded.
"""

from urllib.parse import urlencode

from django.urls import reverse

from funding.models import Bid, BidState
from localdigital.pages.search.source import Result, Source


def _public():
    return Bid.objects.funded().select_related("lead", "round")


def _describe(bid: Bid) -> Result:
    return Result(
        title=bid.title,
        url=bid.get_absolute_url(),
        caption=f"{bid.round.name}, led by {bid.lead.name}",
        summary=bid.summary,
    )


def _see_all_url(q: str) -> str:
    return f"{reverse('fund:bids')}?{urlencode({'q': q, 'outcome': BidState.FUNDED})}"


SOURCE = Source(
    key="funded-projects",
    heading="Funded projects",
    singular="funded project",
    plural="funded projects",
    public=_public,
    documents=("search_document",),
    fields=("title", "summary", "problem", "users"),
    describe=_describe,
    see_all_url=_see_all_url,
)
