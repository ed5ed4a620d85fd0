"""The public pages about signatories and their commitments, as a visitor sees them."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from localdigital.core.lists import PAGE_SIZE
from signatories.models import Nation, OrganisationType, SignUpState
from tests.factories import OrganisationFactory, SignUpFactory

pytestmark = pytest.mark.django_db


def signed(name: str, *, days_ago: int = 0, commitment: dict | None = None, **organisation):
    """An organisation that signed some days ago, with its commitment."""
    organisation.setdefault("nation", Nation.ENGLAND)
    sign_up = SignUpFactory(
        organisation=OrganisationFactory(name=name, **organisation),
        state=SignUpState.SIGNED,
        signed_at=timezone.now() - datetime.timedelta(days=days_ago),
        signed_by_name="Tom Evans",
        approver_role="Chief Executive",
        **{f"commitment__{key}": value for key, value in (commitment or {}).items()},
    )
    return sign_up


def text(response) -> str:
    """The page's text as a person reads it: tags gone, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|title|head)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


def listed_names(response) -> list[str]:
    """The organisations in the results, in the order shown."""
    html = response.content.decode()
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="/signatories/[^"]+">([^<]+)</a>',
        html,
    )


# The list of signatories


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


# A signatory's page


def test_signatory_page_shows_who_signed_when_and_the_commitment(client):
    principles = list(Principle.objects.filter(number__in=[1, 3]))
    sign_up = signed(
        "London Borough of Hackney",
        organisation_type=OrganisationType.LONDON_BOROUGH,
        region="London",
        commitment={
            "title": "Online parking permits by March 2027",
            "mission": "A permit service residents can use online.\nLive by March.",
            "impact": "Residents stop queuing at the town hall.",
            "partners": "Islington Council",
            "principles": principles,
            "service_area": ServiceArea.objects.get(slug="parking-roads-and-transport"),
        },
    )
    sign_up.signed_at = datetime.datetime(2025, 3, 4, 23, 30, tzinfo=datetime.UTC)
    sign_up.save()

    response = client.get("/signatories/london-borough-of-hackney/")

    page = text(response)
    assert response.status_code == 200
    assert "London Borough of Hackney" in page
    # 23:30 UTC on 4 March is 4 March in London too (no summer time yet).
    assert "Signed the Local Digital Declaration on 4 March 2025" in page
    assert "Signed by Tom Evans, Chief Executive" in page
    assert "London borough" in page and "London, England" in page
    assert "Online parking permits by March 2027" in page
    assert "A permit service residents can use online." in page and "Live by March." in page
    assert "Residents stop queuing at the town hall." in page
    assert "Islington Council" in page
    assert "1. Design services around the needs of people" in page
    assert "3. Use and share information safely" in page
    assert "Parking, roads and transport" in page


def test_signatory_page_shows_the_date_on_the_uk_calendar(client):
    sign_up = signed("Kent County Council")
    # 23:30 UTC on 1 July is 00:30 on 2 July in London.
    sign_up.signed_at = datetime.datetime(2025, 7, 1, 23, 30, tzinfo=datetime.UTC)
    sign_up.save()

    assert "Signed on 2 July 2025" in text(client.get("/signatories/kent-county-council/"))


def test_unknown_signatory_is_not_found(client):
    response = client.get("/signatories/no-such-council/")

    assert response.status_code == 404
    assert "Page not found" in text(response)


@pytest.mark.parametrize(
    "state",
    [
        SignUpState.AWAITING_CONFIRMATION,
        SignUpState.AWAITING_REVIEW,
        SignUpState.AWAITING_SIGN_OFF,
        SignUpState.REJECTED,
    ],
)
def test_organisation_that_has_not_signed_has_no_page(client, state):
    SignUpFactory(organisation=OrganisationFactory(name="Signing Council"), state=state)

    assert client.get("/signatories/signing-council/").status_code == 404


def test_removed_signatory_is_gone_with_a_govuk_page(client):
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")

    response = client.get("/signatories/removed-council/")

    assert response.status_code == 410
    assert "This organisation is no longer a signatory" in text(response)
    assert "govuk-phase-banner" in response.content.decode()
    assert "Removed Council" not in text(response)


def test_removed_organisation_that_is_signing_again_is_still_gone(client):
    organisation = OrganisationFactory(name="Returning Council")
    SignUpFactory(organisation=organisation, state=SignUpState.REMOVED)
    SignUpFactory(organisation=organisation, state=SignUpState.AWAITING_REVIEW)

    assert client.get("/signatories/returning-council/").status_code == 410


def test_removed_organisation_that_signed_again_has_its_page_back(client):
    organisation = OrganisationFactory(name="Returning Council", nation=Nation.ENGLAND)
    SignUpFactory(organisation=organisation, state=SignUpState.REMOVED)
    SignUpFactory(organisation=organisation, state=SignUpState.SIGNED)

    response = client.get("/signatories/returning-council/")

    assert response.status_code == 200
    assert "Returning Council" in text(response)


def test_removed_signatory_leaves_the_lists(client):
    signed("Kent County Council")
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")

    assert listed_names(client.get("/signatories/")) == ["Kent County Council"]
    assert "Removed Council" not in text(client.get("/declaration-projects/"))
    assert "Removed Council" not in text(client.get("/"))


# Declaration projects


def project_titles(response) -> list[str]:
    return re.findall(r'#commitment">([^<]+)</a></h3>', response.content.decode())


def test_projects_list_the_commitments_of_signed_organisations(client):
    signed("Kent County Council", days_ago=2, commitment={"title": "Kent's project"})
    signed("Leeds City Council", days_ago=1, commitment={"title": "Leeds's project"})
    SignUpFactory(
        organisation=OrganisationFactory(name="Signing Council"),
        commitment__title="Not published yet",
    )

    response = client.get("/declaration-projects/")

    assert response.status_code == 200
    assert [t.replace("&#39;", "'") for t in project_titles(response)] == [
        "Leeds's project",
        "Kent's project",
    ]
    assert "2 projects" in text(response)
    assert "Not published yet" not in text(response)


def test_projects_filter_by_principle_and_by_service_area(client):
    one, two, three = (Principle.objects.get(number=n) for n in (1, 2, 3))
    parking = ServiceArea.objects.get(slug="parking-roads-and-transport")
    waste = ServiceArea.objects.get(slug="waste-and-recycling")
    signed(
        "A Council", commitment={"title": "Bins", "principles": [one, two], "service_area": waste}
    )
    signed(
        "B Council", commitment={"title": "Permits", "principles": [two], "service_area": parking}
    )
    signed(
        "C Council", commitment={"title": "Data", "principles": [three], "service_area": parking}
    )

    by_principle = client.get("/declaration-projects/", {"principle": [one.slug, two.slug]})
    by_area = client.get("/declaration-projects/", {"service_area": parking.slug, "sort": "name"})
    both = client.get(
        "/declaration-projects/", {"principle": two.slug, "service_area": parking.slug}
    )

    assert sorted(project_titles(by_principle)) == ["Bins", "Permits"], "listed once each"
    assert project_titles(by_area) == ["Permits", "Data"]
    assert project_titles(both) == ["Permits"]
    assert re.search(
        r'name="service_area" type="checkbox" value="parking-roads-and-transport" checked',
        by_area.content.decode(),
    )


@pytest.mark.parametrize(
    "query",
    [{"principle": "nope"}, {"service_area": "nope"}, {"page": "abc"}, {"sort": "1"}],
)
def test_projects_ignore_values_they_do_not_know(client, query):
    signed("Kent County Council", commitment={"title": "Kent's project"})

    response = client.get("/declaration-projects/", query)

    assert response.status_code == 200
    assert len(project_titles(response)) == 1


def test_principle_page_lists_the_commitments_made_under_it(client):
    one, two = Principle.objects.get(number=1), Principle.objects.get(number=2)
    signed("Kent County Council", commitment={"title": "Kent's plumbing", "principles": [two]})
    signed("Leeds City Council", commitment={"title": "Leeds's services", "principles": [one]})

    response = client.get(two.get_absolute_url())

    page = text(response)
    assert "Kent's plumbing" in page and "Kent County Council" in page
    assert "Leeds's services" not in page
    assert "1 signatory has committed to a project under this principle" in page
    assert f'href="/declaration-projects/?principle={two.slug}"' in response.content.decode()


def test_principle_page_says_when_no_commitment_is_made_under_it(client):
    response = client.get(Principle.objects.get(number=4).get_absolute_url())

    assert "No signatory has committed to a project under this principle yet" in text(response)


# Home page


def test_home_page_counts_signatories_and_links_the_five_latest(client):
    for number in range(7):
        signed(f"Council {number}", days_ago=number)
    SignUpFactory(organisation=OrganisationFactory(name="Signing Council"))

    response = client.get("/")

    page = text(response)
    html = response.content.decode()
    assert "7 organisations have signed the declaration" in page
    assert "7 projects have been committed to" in page
    latest = re.findall(
        r'<a class="govuk-link" href="(/signatories/[^"]+)">([^<]+)</a>, signed', html
    )
    assert [name for _, name in latest] == [f"Council {n}" for n in range(5)]
    assert latest[0][0] == "/signatories/council-0/"
    assert "Signing Council" not in page


def test_sitemap_lists_the_signatory_pages_and_their_lists(client):
    signed("Kent County Council")
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")

    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/signatories/kent-county-council/</loc>" in body
    assert "removed-council" not in body
    for path in ("/signatories/", "/declaration-projects/", "/coverage/", "/open-data/"):
        assert f"<loc>http://testserver{path}</loc>" in body


# Queries: the same number whatever the number of signatories


QUERY_COUNTED_PAGES = [
    "/",
    "/signatories/",
    "/signatories/?type=county&region=South+East&sort=-signed&page=2",
    "/declaration-projects/",
    "/declaration-projects/?principle=fix-the-plumbing&page=3",
    "/declaration/fix-the-plumbing/",
    "/coverage/",
    "/signatories.csv",
    "/signatories.json",
    "/declaration-projects.csv",
    "/declaration-projects.json",
    "/signatories.atom",
    "/sitemap.xml",
]


def make_signatories(count: int, *, start: int = 0):
    principles = list(Principle.objects.all())
    for number in range(start, start + count):
        signed(
            f"Council {number:04d}",
            organisation_type=OrganisationType.COUNTY,
            region="South East",
            commitment={"principles": principles[: number % 5 + 1]},
        )


def queries_per_page(client) -> dict[str, int]:
    counts = {}
    for path in QUERY_COUNTED_PAGES:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries.captured_queries)
    return counts


def test_query_count_does_not_grow_with_the_number_of_signatories(client):
    make_signatories(3 * PAGE_SIZE)
    with_a_few = queries_per_page(client)

    make_signatories(300, start=3 * PAGE_SIZE)
    with_hundreds = queries_per_page(client)

    assert with_hundreds == with_a_few
