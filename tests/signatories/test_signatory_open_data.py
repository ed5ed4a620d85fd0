"""The open data: CSV, JSON, the Atom feed and the page that documents them."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from declaration.models import Principle
from localdigital.core.open_data import defuse
from signatories.models import Nation, OrganisationType, SignUpState
from signatories.open_data import DATASETS
from tests.factories import OrganisationFactory, SignUpFactory
from tests.signatories.signatory_pages import signed, text

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.getvalue().decode())))


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tTabbed", "'\tTabbed"),
        ("\rReturn", "'\rReturn"),
        ("Kent County Council", "Kent County Council"),
        ("A sum =1+1 inside", "A sum =1+1 inside"),
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_get_a_leading_apostrophe(value, cell):
    assert defuse(value) == cell


def test_signatories_csv_has_a_row_for_each_signatory_with_documented_fields(client):
    signed(
        "London Borough of Hackney",
        organisation_type=OrganisationType.LONDON_BOROUGH,
        region="London",
        register_code="HCK",
        gss_code="E09000012",
        commitment={"title": "Online parking permits"},
    )
    SignUpFactory(organisation=OrganisationFactory(name="Signing Council"))

    response = client.get("/signatories.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="local-digital-signatories.csv"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    [row] = csv_rows(response)
    assert list(row) == [field.name for field in DATASETS[0].fields]
    assert row["name"] == "London Borough of Hackney"
    assert row["url"] == "http://testserver/signatories/london-borough-of-hackney/"
    assert row["organisation_type"] == "london-borough"
    assert row["organisation_type_name"] == "London borough"
    assert row["nation"] == "England"
    assert (row["region"], row["register_code"], row["gss_code"]) == ("London", "HCK", "E09000012")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", row["signed_at"])
    assert (row["signed_by"], row["signed_by_role"]) == ("Tom Evans", "Chief Executive")
    assert row["commitment_title"] == "Online parking permits"


def test_projects_csv_lists_principles_in_one_cell_and_defuses_formulas(client):
    principles = list(Principle.objects.filter(number__in=[1, 2]))
    signed(
        "=Evil Council",
        commitment={
            "title": '=HYPERLINK("https://evil.example","Click")',
            "mission": "@SUM(1+1)",
            "impact": "-2+3",
            "partners": "+Partner",
            "principles": principles,
        },
    )

    response = client.get("/declaration-projects.csv")

    assert response["Content-Disposition"] == (
        'attachment; filename="local-digital-declaration-projects.csv"'
    )
    [row] = csv_rows(response)
    assert list(row) == [field.name for field in DATASETS[1].fields]
    assert row["title"] == '\'=HYPERLINK("https://evil.example","Click")'
    assert row["organisation"] == "'=Evil Council"
    assert row["mission"] == "'@SUM(1+1)"
    assert row["impact"] == "'-2+3"
    assert row["partners"] == "'+Partner"
    assert row["principles"] == (
        "Design services around the needs of people; "
        "'Fix the plumbing' of technology infrastructure, systems and data"
    )
    assert row["service_area"] == "Licences, permits and permissions"


def test_json_gives_metadata_and_the_text_as_typed(client):
    signed("=Evil Council", commitment={"title": "=1+1"})

    response = client.get("/declaration-projects.json")

    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.getvalue())
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    assert document["licence"]["url"].startswith("https://www.nationalarchives.gov.uk/")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT.*", document["generated_at"])
    assert document["documentation"] == "http://testserver/open-data/"
    assert document["count"] == 1
    [result] = document["results"]
    assert result["title"] == "=1+1", "only CSV is defused"
    assert result["organisation"] == "=Evil Council"
    assert result["principles"] == ["Design services around the needs of people"]


def test_signatories_json_has_the_same_fields_as_the_csv(client):
    signed("Kent County Council", nation=Nation.ENGLAND)

    document = json.loads(client.get("/signatories.json").getvalue())

    [result] = document["results"]
    assert list(result) == [field.name for field in DATASETS[0].fields]
    assert result["name"] == "Kent County Council"


def test_open_data_leaves_out_organisations_that_have_not_signed(client):
    SignUpFactory(organisation=OrganisationFactory(name="Signing Council"))
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")

    for path in ("/signatories.json", "/declaration-projects.json"):
        assert json.loads(client.get(path).getvalue())["results"] == []
    assert client.get("/signatories.csv").getvalue().decode().count("\n") == 1


def test_feed_is_atom_with_the_newest_signatory_first(client):
    signed("Older Council", days_ago=3, commitment={"title": "Older project"})
    signed("Newer Council", days_ago=1)
    SignUpFactory(organisation=OrganisationFactory(name="Signing Council"))

    response = client.get("/signatories.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Newer Council", "Older Council"]
    link = entries[1].find(f"{ATOM}link").get("href")
    assert link == "http://testserver/signatories/older-council/"
    assert "Older project" in entries[1].findtext(f"{ATOM}summary")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == 2


def test_open_data_page_documents_every_field_with_an_example(client):
    response = client.get("/open-data/")

    page = text(response)
    assert response.status_code == 200
    for dataset in DATASETS:
        for field in dataset.fields:
            assert f"<code>{field.name}</code>" in response.getvalue().decode()
            assert field.meaning.replace("'", "&#39;") in response.getvalue().decode()
    for path in (
        "/signatories.csv",
        "/signatories.json",
        "/declaration-projects.csv",
        "/declaration-projects.json",
        "/signatories.atom",
    ):
        assert f'href="{path}"' in response.getvalue().decode()
    assert "Open Government Licence v3.0" in page
    assert (
        "Contains data from mySociety's UK local authority names and codes register (CC BY 4.0)"
        in page
    )
    assert "london-borough" in page and "Fire and rescue service" in page


# Nobody's email address is ever public

OFFICER_EMAIL = "officer.zq7@secret-domain-x9.example"
APPROVER_EMAIL = "approver.zq7@secret-domain-x9.example"


@pytest.fixture
def signatory_with_planted_emails():
    principle = Principle.objects.get(number=2)
    sign_up = signed(
        "Plantshire Council",
        organisation_type=OrganisationType.COUNTY,
        region="South East",
        commitment={"principles": [principle]},
    )
    sign_up.officer_email = OFFICER_EMAIL
    sign_up.approver_email = APPROVER_EMAIL
    sign_up.save()
    removed = SignUpFactory(
        organisation=OrganisationFactory(name="Gone Council"),
        state=SignUpState.REMOVED,
        officer_email=OFFICER_EMAIL,
        approver_email=APPROVER_EMAIL,
    )
    return sign_up, removed


PUBLIC_PATHS = [
    "/",
    "/signatories/",
    "/signatories/?q=plant",
    "/signatories/?sort=-signed",
    "/signatories/plantshire-council/",
    "/signatories/gone-council/",
    "/declaration-projects/",
    "/declaration/fix-the-plumbing/",
    "/coverage/",
    "/open-data/",
    "/signatories.csv",
    "/signatories.json",
    "/declaration-projects.csv",
    "/declaration-projects.json",
    "/signatories.atom",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_officer_and_approver_emails_appear_in_no_public_response(
    client, signatory_with_planted_emails, path
):
    response = client.get(path)

    assert response.status_code in (200, 410)
    body = response.getvalue().decode().lower()
    assert "secret-domain-x9" not in body
    assert "zq7" not in body
    if path == "/signatories/plantshire-council/":
        assert "Plantshire Council" in response.getvalue().decode(), "the page was the real one"
