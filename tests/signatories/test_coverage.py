"""How many councils of each type and region have signed, as figures and as a chart."""

import datetime
import re

import pytest
from django.utils import timezone

from signatories.coverage import CoverageRow, bar_chart, council_coverage
from signatories.models import Nation, OrganisationType, SignUpState
from tests.factories import OrganisationFactory, SignUpFactory
from tests.signatories.signatory_pages import text

pytestmark = pytest.mark.django_db


def council(
    name,
    *,
    kind=OrganisationType.COUNTY,
    region="South East",
    nation=Nation.ENGLAND,
    state=None,
    **fields,
):
    organisation = OrganisationFactory(
        name=name, organisation_type=kind, region=region, nation=nation, **fields
    )
    if state:
        SignUpFactory(organisation=organisation, state=state)
    return organisation


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def councils():
    council("Kent County Council", state=SignUpState.SIGNED)
    council("Surrey County Council", state=SignUpState.AWAITING_REVIEW)
    council("Essex County Council")
    council(
        "Leeds City Council",
        kind=OrganisationType.METROPOLITAN_DISTRICT,
        region="Yorkshire and The Humber",
        state=SignUpState.SIGNED,
    )
    council(
        "City of Edinburgh Council",
        kind=OrganisationType.SCOTTISH_UNITARY_AUTHORITY,
        region="Scotland",
        nation=Nation.SCOTLAND,
        state=SignUpState.SIGNED,
    )
    council("Removed County Council", state=SignUpState.REMOVED)
    # Not counted: not a council, abolished, not yet started.
    council(
        "Kent Fire and Rescue Service",
        kind=OrganisationType.FIRE_AND_RESCUE,
        register_code="",
        is_from_register=False,
        state=SignUpState.SIGNED,
    )
    council(
        "Old District Council",
        kind=OrganisationType.NON_METROPOLITAN_DISTRICT,
        end_date=days_from_today(-1),
        state=SignUpState.SIGNED,
    )
    council(
        "Future Council", kind=OrganisationType.UNITARY_AUTHORITY, start_date=days_from_today(30)
    )


def test_coverage_counts_current_councils_and_those_signed_by_type_and_region(councils):
    coverage = council_coverage()

    assert coverage.overall == CoverageRow("All councils", signed=3, total=6)
    assert coverage.by_type == [
        CoverageRow("Metropolitan district", 1, 1),
        CoverageRow("County", 1, 4),
        CoverageRow("Scottish unitary authority", 1, 1),
    ]
    # England's regions first, then the other nations.
    assert coverage.by_region == [
        CoverageRow("South East", 1, 4),
        CoverageRow("Yorkshire and The Humber", 1, 1),
        CoverageRow("Scotland", 1, 1),
    ]


def test_a_council_with_old_sign_ups_is_counted_once():
    organisation = council("Kent County Council")
    SignUpFactory(organisation=organisation, state=SignUpState.REJECTED)
    SignUpFactory(organisation=organisation, state=SignUpState.REMOVED)
    SignUpFactory(organisation=organisation, state=SignUpState.SIGNED)

    assert council_coverage().overall == CoverageRow("All councils", signed=1, total=1)


@pytest.mark.parametrize(
    ("signed", "total", "percent"),
    [(0, 0, 0), (0, 7, 0), (1, 3, 33), (2, 3, 67), (1, 8, 13), (1, 200, 1), (3, 3, 100)],
)
def test_share_is_a_whole_percentage_rounded_half_up(signed, total, percent):
    assert CoverageRow("x", signed, total).percent == percent


def test_chart_has_a_bar_per_row_and_describes_the_figures():
    chart = bar_chart(
        [CoverageRow("London", 12, 33), CoverageRow("Wales", 0, 22)], title="By region"
    )

    assert [(bar.label, bar.percent) for bar in chart.bars] == [("London", 36), ("Wales", 0)]
    assert chart.bars[1].bar_y > chart.bars[0].bar_y
    assert "London: 12 of 33 (36%)" in chart.description
    assert "Wales: 0 of 22 (0%)" in chart.description


def test_coverage_page_shows_tables_and_an_accessible_chart_without_style_attributes(
    client, councils
):
    response = client.get("/coverage/")

    html = response.content.decode()
    page = text(response)
    assert response.status_code == 200
    assert "3 of the 6 councils in the UK today have signed" in page
    assert re.search(
        r"<th[^>]*>\s*County\s*</th>\s*<td[^>]*>\s*1\s*</td>\s*<td[^>]*>\s*4\s*</td>"
        r"\s*<td[^>]*>\s*25%\s*</td>",
        html,
    )
    svgs = re.findall(r"<svg[^>]*role=\"img\"[^>]*aria-labelledby.*?</svg>", html, re.S)
    assert len(svgs) == 2
    for svg in svgs:
        title_id, desc_id = re.search(r'aria-labelledby="([^" ]+) ([^"]+)"', svg).groups()
        assert f'<title id="{title_id}">' in svg and f'<desc id="{desc_id}">' in svg
    assert "South East: 1 of 4 (25%)" in svgs[1]
    assert 'width="25%"' in svgs[1]
    # The Content Security Policy forbids inline styles: the chart uses attributes.
    assert "style=" not in html.split("<main", 1)[1]
    assert (
        "Contains data from mySociety's UK local authority names and codes register (CC BY 4.0)"
        in page
    )


def test_coverage_page_works_before_any_council_is_loaded(client):
    response = client.get("/coverage/")

    assert response.status_code == 200
    assert "There are no councils on the list yet" in text(response)
