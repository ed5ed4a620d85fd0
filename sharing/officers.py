"""Which funded projects an officer may post updates to: those their
organisation leads or partners (who they belong to is funding.officers')."""

from django.db.models import Q, QuerySet

from funding.models import Bid
from funding.officers import organisations_of


def projects_of(email: str) -> QuerySet[Bid]:
    organisations = organisations_of(email)
    shared = Bid.objects.funded().filter(Q(lead__in=organisations) | Q(partners__in=organisations))
    return Bid.objects.filter(pk__in=shared.values("pk")).select_related("lead", "round")


def may_post_to(email: str, bid: Bid) -> bool:
    return bool(email) and projects_of(email).filter(pk=bid.pk).exists()
