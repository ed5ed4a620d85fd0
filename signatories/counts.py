"""How many have signed, by group and by principle: read from summary rows, kept here.

Public pages show these counts on every request (the home page, the list's
total and its filters, a principle's page), and counting 30,000 sign-ups each
time would cost more than the rest of the page. So the counts are rows
(signatories.models.counts), and this module is the one place that writes
them: the services that sign and remove call `recount` in the same
transaction as the change, so the next request sees the new number, and
`rebuild` makes them again from the sign-ups themselves (after a bulk load,
and in the test that proves the kept rows right).

A group is recounted rather than added to: recounting is correct whatever
was missed, and the group's row is locked first, so two signings in one
group at the same moment count one after the other.
"""

from collections.abc import Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Sum

from declaration.models import Principle
from signatories.models import (
    COUNCIL_TYPES,
    Commitment,
    CouncilCount,
    Organisation,
    PrincipleCommitmentCount,
    SignatoryCount,
    SignUp,
)

Group = tuple[str, str, str]
GROUP_FIELDS = ("organisation_type", "nation", "region")


def group_of(organisation: Organisation) -> Group:
    return (organisation.organisation_type, organisation.nation, organisation.region)


def _as_filter(group: Group, prefix: str = "") -> dict:
    return {prefix + name: value for name, value in zip(GROUP_FIELDS, group, strict=True)}


def recount(*, groups: Iterable[Group]) -> None:
    """Count again the signatories and councils of these groups, and every
    principle's commitments."""
    with transaction.atomic():
        # Locks are taken in one order, so two recounts cannot deadlock.
        for group in sorted(set(groups)):
            _recount_group(group)
            _recount_councils(group)
        _recount_principles()


def _recount_group(group: Group) -> None:
    SignatoryCount.objects.bulk_create([SignatoryCount(**_as_filter(group))], ignore_conflicts=True)
    row = SignatoryCount.objects.select_for_update().get(**_as_filter(group))
    numbers = (
        SignUp.objects.signed()
        .filter(**_as_filter(group, "organisation__"))
        .aggregate(signatories=Count("pk"), commitments=Count("commitment"))
    )
    if numbers["signatories"]:
        row.signatories, row.commitments = numbers["signatories"], numbers["commitments"]
        row.save(update_fields=["signatories", "commitments"])
    else:
        row.delete()


def recount_councils(*, groups: Iterable[Group]) -> None:
    """Count again the councils of these groups, for an organisation with no
    signature that was added or changed. (Two such changes in one group at
    the same moment could leave its rows doubled; the next recount of the
    group makes them right, as it makes them from the councils themselves.)"""
    with transaction.atomic():
        for group in sorted(set(groups)):
            _recount_councils(group)


def _councils_by_dates(councils):
    """Rows of (type, nation, region, start, end, councils, signed) for these councils."""
    signed = Exists(SignUp.objects.signed().filter(organisation=OuterRef("pk")))
    return (
        councils.order_by()
        .values_list(*GROUP_FIELDS, "start_date", "end_date")
        .annotate(councils=Count("pk"), signed=Count("pk", filter=Q(signed)))
    )


def _council_rows(grouped) -> list[CouncilCount]:
    return [
        CouncilCount(
            organisation_type=kind,
            nation=nation,
            region=region,
            start_date=start,
            end_date=end,
            councils=councils,
            signed=signed,
        )
        for kind, nation, region, start, end, councils, signed in grouped
    ]


def _recount_councils(group: Group) -> None:
    """The coverage page's rows for one group, made again (called with the
    group's SignatoryCount row locked, so two recounts take turns)."""
    if group[0] not in COUNCIL_TYPES:
        return
    CouncilCount.objects.filter(**_as_filter(group)).delete()
    councils = Organisation.objects.councils().filter(**_as_filter(group))
    CouncilCount.objects.bulk_create(_council_rows(_councils_by_dates(councils)))


def _recount_principles() -> None:
    principles = list(Principle.objects.order_by("pk"))
    PrincipleCommitmentCount.objects.bulk_create(
        [PrincipleCommitmentCount(principle=p) for p in principles], ignore_conflicts=True
    )
    rows = list(PrincipleCommitmentCount.objects.select_for_update().order_by("principle_id"))
    numbers = _principle_numbers()
    for row in rows:
        row.commitments = numbers.get(row.principle_id, 0)
    PrincipleCommitmentCount.objects.bulk_update(rows, ["commitments"])


def _principle_numbers() -> dict[int, int]:
    tagged = Commitment.principles.through.objects.filter(
        commitment__sign_up__in=SignUp.objects.signed()
    )
    return dict(
        tagged.order_by()
        .values_list("principle_id")
        .annotate(number=Count("commitment_id"))
        .values_list("principle_id", "number")
    )


def rebuild() -> None:
    """Make every count again from the sign-ups: after a bulk load, or to check the kept ones."""
    with transaction.atomic():
        SignatoryCount.objects.all().delete()
        grouped = (
            SignUp.objects.signed()
            .order_by()
            .values_list(*(f"organisation__{name}" for name in GROUP_FIELDS))
            .annotate(signatories=Count("pk"), commitments=Count("commitment"))
        )
        SignatoryCount.objects.bulk_create(
            SignatoryCount(
                organisation_type=kind,
                nation=nation,
                region=region,
                signatories=signatories,
                commitments=commitments,
            )
            for kind, nation, region, signatories, commitments in grouped
        )
        PrincipleCommitmentCount.objects.all().delete()
        _recount_principles()
        CouncilCount.objects.all().delete()
        CouncilCount.objects.bulk_create(
            _council_rows(_councils_by_dates(Organisation.objects.councils()))
        )


# Reading


class Snapshot:
    """Every group's counts, read in one query (a few hundred rows at most: one
    for each type, nation and region that has signed), for a page's totals,
    filtered counts and filter choices alike."""

    def __init__(self):
        self.rows = list(
            SignatoryCount.objects.values_list(*GROUP_FIELDS, "signatories", "commitments")
        )

    @property
    def signatories(self) -> int:
        return sum(row[3] for row in self.rows)

    @property
    def commitments(self) -> int:
        return sum(row[4] for row in self.rows)

    def signed_count(
        self,
        *,
        organisation_types: Iterable[str] = (),
        nations: Iterable[str] = (),
        regions: Iterable[str] = (),
    ) -> int:
        """How many signatories match these filters, by the rule of
        SignUpQuerySet.filtered(): any value of a filter, every filter used."""
        chosen = [set(values) for values in (organisation_types, nations, regions)]
        return sum(
            row[3]
            for row in self.rows
            if all(
                not values or value in values for value, values in zip(row[:3], chosen, strict=True)
            )
        )

    def facets(self) -> dict[str, set[str]]:
        """The organisation types, nations and regions that signatories have."""
        return {
            "organisation_types": {row[0] for row in self.rows},
            "nations": {row[1] for row in self.rows if row[1]},
            "regions": {row[2] for row in self.rows if row[2]},
        }


def totals() -> dict[str, int]:
    """How many organisations have signed, and how many commitments they made public."""
    return SignatoryCount.objects.aggregate(
        signatories=Sum("signatories", default=0), commitments=Sum("commitments", default=0)
    )


def commitments_with(principle: Principle) -> int:
    """How many public commitments put the principle into practice, from a
    principle read with select_related("commitment_count")."""
    try:
        return principle.commitment_count.commitments
    except ObjectDoesNotExist:
        return 0
