"""The projects that signatories committed to: the list, its filters, and each
principle's page."""

import re

import pytest

from declaration.models import Principle, ServiceArea
from tests.factories import OrganisationFactory, SignUpFactory
from tests.signatories.signatory_pages import signed, text

pytestmark = pytest.mark.django_db


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
