"""How many of the councils that exist today have signed, by type and by region.

The councils are the register's current authorities, so the totals are what
mySociety's register publishes. The chart's geometry is worked out here, so
that the template only draws it (as SVG, with no script and no style
attributes, which the Content Security Policy forbids).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from signatories.models import CouncilCount, Nation, OrganisationType

NOT_KNOWN = "Not known"

# Chart geometry, in pixels. Bars are drawn as a share of the chart's width,
# so the chart fills its column at any screen size with no scaling of text.
ROW_HEIGHT = 56
LABEL_BASELINE = 18
BAR_TOP = 26
BAR_HEIGHT = 18


@dataclass(frozen=True)
class CoverageRow:
    label: str
    signed: int
    total: int

    @property
    def percent(self) -> int:
        """The share that has signed, rounded half up to a whole number."""
        if not self.total:
            return 0
        return (200 * self.signed + self.total) // (2 * self.total)


@dataclass(frozen=True)
class ChartBar:
    label: str
    percent: int
    label_y: int
    bar_y: int


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    bars: list[ChartBar]
    height: int
    label_baseline: int = LABEL_BASELINE
    bar_height: int = BAR_HEIGHT


@dataclass(frozen=True)
class Coverage:
    overall: CoverageRow
    by_type: list[CoverageRow]
    by_region: list[CoverageRow]


def _tally(counts) -> tuple[dict, dict, dict]:
    """Signed and all councils, by type and by region, from rows of
    (type, nation, region, signed?, number); and the order regions are shown in."""
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_region: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    # England's regions first, then the other nations (the register gives
    # Scotland, Wales and Northern Ireland as their own region).
    nation_order = {value: position for position, value in enumerate(Nation.values)}
    region_order: dict[str, int] = {}
    for organisation_type, nation, region, has_signed, number in counts:
        region = region or NOT_KNOWN
        position = nation_order.get(nation, len(nation_order))
        region_order[region] = min(region_order.get(region, position), position)
        for tally in (by_type[organisation_type], by_region[region]):
            tally[0] += number if has_signed else 0
            tally[1] += number
    return by_type, by_region, region_order


def _current_counts(on: datetime.date | None):
    """Rows of (type, nation, region, signed?, number) for the councils that
    exist on a day, read from the summary rows signatories.counts keeps, by
    the rule of OrganisationQuerySet.current()."""
    on = on or timezone.localdate()
    rows = CouncilCount.objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=on),
        Q(end_date__isnull=True) | Q(end_date__gte=on),
    ).values_list("organisation_type", "nation", "region", "signed", "councils")
    for organisation_type, nation, region, signed, councils in rows:
        yield organisation_type, nation, region, True, signed
        yield organisation_type, nation, region, False, councils - signed


def council_coverage(*, on: datetime.date | None = None) -> Coverage:
    """Current councils and how many have signed, in one query of summary rows."""
    by_type, by_region, region_order = _tally(_current_counts(on))
    type_labels = dict(OrganisationType.choices)
    return Coverage(
        overall=CoverageRow(
            "All councils",
            sum(signed for signed, _ in by_type.values()),
            sum(total for _, total in by_type.values()),
        ),
        # Types in the order the register lists them; regions England's first.
        by_type=[
            CoverageRow(type_labels[value], *by_type[value])
            for value in OrganisationType.values
            if value in by_type
        ],
        by_region=[
            CoverageRow(region, *by_region[region])
            for region in sorted(by_region, key=lambda r: (region_order[r], r))
        ],
    )


def bar_chart(rows: list[CoverageRow], *, title: str) -> Chart:
    """A horizontal bar for each row: the share of its councils that have signed."""
    described = "; ".join(
        f"{row.label}: {row.signed} of {row.total} ({row.percent}%)" for row in rows
    )
    return Chart(
        title=title,
        description=f"The share of councils that have signed. {described}.",
        bars=[
            ChartBar(
                label=row.label,
                percent=row.percent,
                label_y=position * ROW_HEIGHT + LABEL_BASELINE,
                bar_y=position * ROW_HEIGHT + BAR_TOP,
            )
            for position, row in enumerate(rows)
        ],
        height=max(len(rows), 1) * ROW_HEIGHT,
    )
