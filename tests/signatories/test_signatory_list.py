"""The list of signatories: every signed organisation, found by name, filtered,
sorted and split into pages."""

import re

import pytest

from localdigital.core.lists import PAGE_SIZE
from signatories.models import Nation, OrganisationType
from tests.factories import OrganisationFactory, SignUpFactory
from tests.signatories.signatory_pages import listed_names, signed, text

pytestmark = pytest.mark.django_db


def test_list_shows_every_signed_organisation_and_how_many_there_are(client):
    signed("Leeds City Council")
    signed("Kent County Council")
    SignUpFactory(organisation=OrganisationFactory(name="Still Signing Council"))

    response = client.get("/signatories/")

    assert response.status_code == 200
    assert listed_names(response) == ["Kent County Council", "Leeds City Council"]
    assert "2 organisations have signed the Local Digital Declaration" in text(response)
    assert "Still Signing Council" not in text(response)


def test_list_finds_organisations_by_part_of_their_name(client):
    signed("Leeds City Council")
    signed("Kent County Council")

    response = client.get("/signatories/", {"q": "  leeds "})

    assert listed_names(response) == ["Leeds City Council"]
    assert "1 organisation " in text(response)
    assert 'value="leeds"' in response.content.decode()


def test_list_filters_by_type_nation_and_region_together(client):
    signed(
        "Leeds City Council",
        organisation_type=OrganisationType.METROPOLITAN_DISTRICT,
        region="Yorkshire and The Humber",
    )
    signed("Kent County Council", organisation_type=OrganisationType.COUNTY, region="South East")
    signed("Surrey County Council", organisation_type=OrganisationType.COUNTY, region="South East")
    signed(
        "City of Edinburgh Council",
        nation=Nation.SCOTLAND,
        region="Scotland",
        organisation_type=OrganisationType.SCOTTISH_UNITARY_AUTHORITY,
    )

    counties = client.get("/signatories/", {"type": "county"})
    scottish_or_yorkshire = client.get(
        "/signatories/", {"region": ["Scotland", "Yorkshire and The Humber"]}
    )
    english_counties_in_the_north = client.get(
        "/signatories/",
        {"type": "county", "nation": "england", "region": "Yorkshire and The Humber"},
    )

    assert listed_names(counties) == ["Kent County Council", "Surrey County Council"]
    assert "2 organisations" in text(counties)
    assert listed_names(scottish_or_yorkshire) == [
        "City of Edinburgh Council",
        "Leeds City Council",
    ]
    assert listed_names(english_counties_in_the_north) == []
    assert "No organisation that has signed matches your search and filters" in text(
        english_counties_in_the_north
    )


def test_filters_offer_the_types_and_regions_that_signatories_have_and_keep_choices(client):
    signed("Kent County Council", organisation_type=OrganisationType.COUNTY, region="South East")
    signed(
        "Leeds City Council",
        organisation_type=OrganisationType.METROPOLITAN_DISTRICT,
        region="Yorkshire and The Humber",
    )

    html = client.get("/signatories/", {"type": "county"}).content.decode()

    assert re.search(r'name="type" type="checkbox" value="county" checked', html)
    assert 'value="metropolitan-district"' in html
    assert 'value="london-borough"' not in html, "no signatory is a London borough"
    assert 'name="region" type="checkbox" value="Yorkshire and The Humber"' in html
    assert "Apply filters" in html


def test_list_sorts_by_name_or_by_newest_signature(client):
    signed("Alpha Council", days_ago=10)
    signed("Beta Council", days_ago=1)
    signed("Gamma Council", days_ago=5)

    by_name = client.get("/signatories/")
    newest_first = client.get("/signatories/", {"sort": "-signed"})

    assert listed_names(by_name) == ["Alpha Council", "Beta Council", "Gamma Council"]
    assert listed_names(newest_first) == ["Beta Council", "Gamma Council", "Alpha Council"]


def test_list_is_split_into_pages_with_govuk_pagination_that_keeps_the_filters(client):
    for number in range(PAGE_SIZE + 5):
        signed(f"Council {number:02d}", organisation_type=OrganisationType.COUNTY)

    first = client.get("/signatories/", {"type": "county", "sort": "name"})
    second = client.get("/signatories/", {"type": "county", "sort": "name", "page": "2"})

    assert len(listed_names(first)) == PAGE_SIZE
    assert listed_names(second) == [f"Council {n:02d}" for n in range(PAGE_SIZE, PAGE_SIZE + 5)]
    assert "25 organisations" in text(first)
    html = first.content.decode()
    assert 'class="govuk-pagination' in html
    assert 'href="?type=county&amp;sort=name&amp;page=2"' in html
    assert "Signatories (page 2 of 2)" in second.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-4"},
        {"page": "0"},
        {"sort": "xyz"},
        {"type": "not-a-type"},
        {"nation": "atlantis"},
        {"region": "Nowhere"},
        {"q": "x" * 5000},
        {"q": "%_\\'\"<script>"},
    ],
)
def test_list_ignores_or_clamps_values_it_does_not_know(client, query):
    signed("Leeds City Council")

    response = client.get("/signatories/", query)

    assert response.status_code == 200
    assert "Error" not in text(response)
    if "q" not in query:
        assert listed_names(response) == ["Leeds City Council"]


def test_page_past_the_end_shows_the_last_page(client):
    for number in range(PAGE_SIZE + 1):
        signed(f"Council {number:02d}")

    response = client.get("/signatories/", {"page": "99999"})

    assert listed_names(response) == [f"Council {PAGE_SIZE:02d}"]
