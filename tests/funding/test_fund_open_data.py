"""The fund's open data: published bids and funded projects as CSV and JSON, documented."""

import csv
import io
import json
import re

import pytest

from declaration.models import Principle
from funding.models import LinkKind, Phase, ProjectLink
from funding.open_data import BIDS, PROJECTS
from tests.factories import BidFactory, RoundFactory, signed_council
from tests.funding.fund_pages import funded, not_funded, published_round, text

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.getvalue().decode())))


@pytest.fixture
def project():
    lead = signed_council(
        name="London Borough of Hackney", register_code="HCK", gss_code="E09000012"
    )
    partners = [
        signed_council(name="Kent County Council", register_code="KEN", gss_code="E10000016"),
        signed_council(name="Leeds City Council", register_code="LDS", gss_code="E08000035"),
    ]
    bid = funded(
        published_round(name="Round 6", reference_prefix="R6"),
        title="Shared case tool",
        summary="Councils replace spreadsheets.",
        lead=lead,
        partners=partners,
        phase=Phase.ALPHA,
        amount=180_000,
        principles=list(Principle.objects.filter(number__in=[5, 1])),
    )
    ProjectLink.objects.create(
        bid=bid, kind=LinkKind.OUTPUT, title="Code", url="https://github.com/example/tool"
    )
    ProjectLink.objects.create(
        bid=bid, kind=LinkKind.OUTPUT, title="Report", url="https://example.org/report"
    )
    ProjectLink.objects.create(
        bid=bid, kind=LinkKind.SPRINT_NOTE, title="Sprint 1", url="https://example.org/s1"
    )
    return bid


def test_projects_csv_has_a_row_for_each_funded_project_with_documented_fields(client, project):
    not_funded(project.round, title="Not funded")
    funded(RoundFactory(results_published=False), title="Not yet public")

    response = client.get("/fund/projects.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="local-digital-fund-projects.csv"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    [row] = csv_rows(response)
    assert list(row) == [field.name for field in PROJECTS.fields]
    assert row == {
        "reference": "R6-0001",
        "round": "Round 6",
        "title": "Shared case tool",
        "summary": "Councils replace spreadsheets.",
        "lead": "London Borough of Hackney",
        "lead_register_code": "HCK",
        "lead_gss_code": "E09000012",
        "partners": "Kent County Council; Leeds City Council",
        "partner_register_codes": "KEN; LDS",
        "partner_gss_codes": "E10000016; E08000035",
        "phase": "alpha",
        "amount": "180000",
        "service_area": "Licences, permits and permissions",
        "principles": "Design services around the needs of people; "
        "Embed an open culture that promotes digital ways of working",
        "outputs": "https://github.com/example/tool; https://example.org/report",
        "sprint_notes": "https://example.org/s1",
        "url": "http://testserver/fund/projects/R6-0001/",
    }


def test_projects_json_gives_numbers_and_lists(client, project):
    response = client.get("/fund/projects.json")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.getvalue())
    assert document["dataset"] == PROJECTS.title
    assert document["documentation"] == "http://testserver/open-data/"
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    assert document["count"] == 1
    [result] = document["results"]
    assert result["amount"] == 180_000
    assert result["partners"] == ["Kent County Council", "Leeds City Council"]
    assert result["outputs"] == ["https://github.com/example/tool", "https://example.org/report"]
    assert result["sprint_notes"] == ["https://example.org/s1"]
    assert list(result) == [field.name for field in PROJECTS.fields]


def test_bids_data_has_every_published_bid_with_its_outcome(client, project):
    unfunded = not_funded(project.round, title="Parking permits", amount=70_000)
    funded(RoundFactory(results_published=False), title="Not yet public")
    BidFactory(round=project.round, title="A draft")

    rows = csv_rows(client.get("/fund/bids.csv"))
    document = json.loads(client.get("/fund/bids.json").getvalue())

    assert [row["title"] for row in rows] == ["Shared case tool", "Parking permits"]
    assert [row["outcome"] for row in rows] == ["funded", "not_funded"]
    assert list(rows[0]) == [field.name for field in BIDS.fields]
    assert rows[0]["url"] == "http://testserver/fund/projects/R6-0001/"
    assert rows[1]["url"] == "", "a bid that was not funded has no page"
    assert rows[1]["amount_asked"] == "70000"
    assert document["count"] == 2
    assert document["results"][1]["reference"] == unfunded.reference
    assert document["results"][1]["amount_asked"] == 70_000


def test_fund_csv_defuses_formulas_that_bidders_typed(client):
    funded(
        published_round(),
        title='=HYPERLINK("https://evil.example","Click")',
        summary="@SUM(1+1)",
        lead=signed_council(name="+Lead Council"),
        partners=[signed_council(name="-Partner Council")],
    )

    [project] = csv_rows(client.get("/fund/projects.csv"))
    [bid] = csv_rows(client.get("/fund/bids.csv"))
    document = json.loads(client.get("/fund/projects.json").getvalue())

    for row in (project, bid):
        assert row["title"] == '\'=HYPERLINK("https://evil.example","Click")'
        assert row["summary"] == "'@SUM(1+1)"
        assert row["lead"] == "'+Lead Council"
        assert row["partners"] == "'-Partner Council"
    assert document["results"][0]["title"] == '=HYPERLINK("https://evil.example","Click")'


def test_fund_data_with_nothing_published_is_empty_but_well_formed(client):
    assert csv_rows(client.get("/fund/projects.csv")) == []
    assert client.get("/fund/bids.csv").getvalue().decode().startswith("reference,round,title,")
    assert json.loads(client.get("/fund/projects.json").getvalue())["results"] == []


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # the content version (the file's ETag), then the projects, partners,
        # principles, links (each a lot of 2,000 rows at a time)
        ("/fund/projects.csv", 5),
        ("/fund/projects.json", 6),  # and, first, how many there are
        ("/fund/bids.csv", 4),  # the content version, the bids, partners, principles
        ("/fund/bids.json", 5),
    ],
)
def test_fund_data_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, size, path, queries
):
    round_ = published_round()
    for _ in range(size):
        bid = funded(round_)
        ProjectLink.objects.create(bid=bid, kind=LinkKind.OUTPUT, title="x", url="https://x.org")
        not_funded(round_)

    # The first download streams the file, its queries running as it is read,
    # and has the worker (run in-process in tests) build it: the same queries
    # again, and the content version once more (the file's name).
    with django_assert_num_queries(2 * queries + 1):
        streamed = client.get(path).getvalue()
    # Later ones read the built file: the content version, and again for its ETag.
    with django_assert_num_queries(2):
        built = client.get(path).getvalue()
    # The same file, but for when it was made (a JSON file says so).
    made_at = re.compile(rb'"generated_at": "[^"]*"')
    assert made_at.sub(b"", built) == made_at.sub(b"", streamed)


def test_open_data_page_documents_every_fund_field(client):
    response = client.get("/open-data/")

    html = response.getvalue().decode()
    page = text(response)
    for dataset in (BIDS, PROJECTS):
        assert f'id="{dataset.name}"' in html
        assert f"Fields of {dataset.title.lower()}" in page
        assert f'href="/fund/{dataset.name.removeprefix("fund-")}.csv"' in html
        assert f'href="/fund/{dataset.name.removeprefix("fund-")}.json"' in html
        for field in dataset.fields:
            assert f"<code>{field.name}</code>" in html
            assert field.meaning.replace("'", "&#39;") in html
