"""Funded projects: the list, and each project's page with its links; only
published, funded bids have one."""

import re

import pytest

from declaration.models import Principle
from funding.models import LinkKind, Phase, ProjectLink
from tests.factories import BidFactory, RoundFactory, signed_council
from tests.funding.fund_pages import funded, listed_titles, not_funded, published_round, text

pytestmark = pytest.mark.django_db


def test_projects_list_shows_funded_projects_with_lead_partners_phase_and_amount(client):
    round_6 = published_round(name="Round 6")
    funded(
        round_6,
        title="Shared case tool",
        lead=signed_council(name="Leeds City Council"),
        partners=[signed_council(name="Kent County Council")],
        phase=Phase.BETA,
        amount=350_000,
    )
    funded(round_6, title="Second project", amount=50_000)
    not_funded(round_6, title="Not this one")

    response = client.get("/fund/projects/")

    assert response.status_code == 200
    assert sorted(listed_titles(response)) == ["Second project", "Shared case tool"]
    page = text(response)
    assert "2 projects have been funded, with £400,000 in all" in page
    assert "Lead council Leeds City Council" in page
    assert "Partners Kent County Council" in page
    assert "Phase Beta" in page and "Amount awarded £350,000" in page


def test_projects_list_with_nothing_funded_says_so(client):
    response = client.get("/fund/projects/")

    assert response.status_code == 200
    assert "No funded project has been published yet" in text(response)
    assert "0 projects have been funded, with £0 in all" in text(response)


def test_project_page_shows_the_project_and_its_links_grouped(client):
    lead = signed_council(name="Leeds City Council")
    partner = signed_council(name="Kent County Council")
    bid = funded(
        published_round(name="Round 6", slug="round-6"),
        title="Shared case tool",
        summary="Councils replace spreadsheets.",
        problem="Officers track cases in spreadsheets.",
        users="Enforcement officers.",
        lead=lead,
        partners=[partner],
        phase=Phase.ALPHA,
        amount=180_000,
        principles=list(Principle.objects.filter(number__in=[1, 2])),
    )
    ProjectLink.objects.create(
        bid=bid, kind=LinkKind.OUTPUT, title="The code", url="https://github.com/example/tool"
    )
    ProjectLink.objects.create(
        bid=bid, kind=LinkKind.SPRINT_NOTE, title="Sprint 1", url="https://example.org/sprint-1"
    )

    response = client.get(f"/fund/projects/{bid.reference}/")

    assert response.status_code == 200
    page = text(response)
    html = response.content.decode()
    assert "Shared case tool" in page and bid.reference in page
    assert "Councils replace spreadsheets." in page
    assert "Officers track cases in spreadsheets." in page
    assert "Enforcement officers." in page
    assert "Lead council Leeds City Council" in page
    assert f'href="{lead.get_absolute_url()}"' in html
    assert f'href="{partner.get_absolute_url()}"' in html
    assert "Phase Alpha" in page and "Amount awarded £180,000" in page
    assert 'href="/fund/round-6/"' in html
    assert 'href="/fund/bids/?service_area=licences-permits-and-permissions"' in html
    assert 'href="/declaration/design-services-around-the-needs-of-people/"' in html
    assert 'href="/declaration/fix-the-plumbing/"' in html
    assert re.search(r"Outputs The code Sprint notes Sprint 1", page)
    assert 'href="https://github.com/example/tool"' in html


def test_project_page_without_links_says_none_have_been_added(client):
    bid = funded(published_round())

    page = text(client.get(f"/fund/projects/{bid.reference}/"))

    assert "Nothing the project made has been added yet" in page
    assert "No sprint notes have been added yet" in page


@pytest.mark.parametrize("case", ["not funded", "unpublished", "draft", "unknown"])
def test_only_published_funded_projects_have_a_page(client, case):
    if case == "not funded":
        reference = not_funded(published_round()).reference
    elif case == "unpublished":
        reference = funded(RoundFactory(results_published=False)).reference
    elif case == "draft":
        BidFactory(round=published_round())
        reference = "Draft"
    else:
        reference = "R99-9999"

    response = client.get(f"/fund/projects/{reference}/")

    assert response.status_code == 404
