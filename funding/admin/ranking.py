"""A round's ranking page in admin: its bids by the panel's agreed weighted
score, the running total of their cost and the funding line its budget draws
(funding.ranking), with the bids not yet fully agreed listed apart."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse

from funding import ranking
from funding.admin.frozen_copy import money
from funding.models import COUNTED_STATES, AgreedScore, Bid, Round
from localdigital.core.admin_helpers import admin_page_url


def ranked_bids(round_: Round):
    """The round's submitted bids with their agreed scores, read in three queries."""
    return (
        Bid.objects.filter(round=round_, state__in=COUNTED_STATES)
        .select_related("lead")
        .prefetch_related(Prefetch("agreed_scores", queryset=AgreedScore.objects.order_by()))
        .order_by("number")
    )


def _row(row: ranking.RankedBid) -> dict:
    return {
        "position": row.position,
        "bid": row.bid,
        "url": reverse("admin:funding_bid_change", args=[row.bid.pk]),
        "agreed": row.agreed,
        "cost": money(row.cost),
        "cumulative": money(row.cumulative),
        "above_line": row.above_line,
    }


class RoundRankingMixin:
    """The ranking page of the round admin, routed in its get_urls:
    admin_page(self, "<path:object_id>/ranking/", self.ranking_view, page="ranking")."""

    ranking_template = "admin/funding/round/ranking.html"

    def has_ranking_permission(self, request) -> bool:
        # The ranking names every bid of the round with its agreed score, so it
        # is for those who may see every bid, not assessors of only their own.
        user = request.user
        return all(
            user.has_perm(f"funding.{codename}")
            for codename in ("view_bid", "view_agreedscore", "see_every_bid")
        )

    def ranking_url(self, round_: Round) -> str:
        return admin_page_url(self, "ranking", round_.pk)

    def ranking_view(self, request, object_id):
        if not self.has_ranking_permission(request):
            raise PermissionDenied
        round_ = self.get_object(request, unquote(object_id))
        if round_ is None:
            raise Http404("No such round.")
        result = ranking.rank(round_, ranked_bids(round_))
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Ranking of {round_.name}",
            "subtitle": str(round_.fund),
            "round": round_,
            "change_url": admin_page_url(self, "change", round_.pk),
            "budget": money(round_.budget) if round_.budget else "",
            "rows": [_row(row) for row in result.ranked],
            "line_after": result.line_after,
            "funded_by_budget": money(result.funded_by_budget),
            "left_over": money(round_.budget - result.funded_by_budget) if round_.budget else "",
            "unranked": [
                {"bid": bid, "url": reverse("admin:funding_bid_change", args=[bid.pk])}
                for bid in result.unranked
            ],
            "tie_break": ranking.TIE_BREAK,
        }
        return TemplateResponse(request, self.ranking_template, context)
