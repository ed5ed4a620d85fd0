"""The fund's grants as 360Giving data: /fund/grants.json, a package valid against
the standard's 1.4 schemas shipped in funding/data/360giving/, and /fund/grants.csv,
with 360Giving's column titles, both documented on the open data page."""

import copy
import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from funding.grant_schemas import column_title, package_errors, package_validator
from funding.grants import COLUMNS, GRANTS
from tests.funding.fund_pages import funded, published_round, text
from tests.funding.grant_councils import grants_in_four_nations

pytestmark = pytest.mark.django_db


def package(client) -> dict:
    response = client.get("/fund/grants.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.getvalue())


def csv_rows(client) -> list[dict]:
    response = client.get("/fund/grants.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.getvalue().decode())))


def test_grants_json_is_a_360giving_package_that_the_shipped_schemas_accept(client):
    bids = grants_in_four_nations()

    document = package(client)

    assert package_errors(document) == []
    assert document["version"] == "1.4"
    assert [grant["title"] for grant in document["grants"]] == [bid.title for bid in bids]


def test_bids_not_funded_or_of_an_unpublished_round_are_not_grants(client):
    grants_in_four_nations()

    titles = [grant["title"] for grant in package(client)["grants"]]

    assert "Not funded this time" not in titles
    assert "Decided but not yet published" not in titles
    assert len(titles) == 4


def test_recipients_in_each_nation_have_the_org_id_of_their_nations_list(client):
    grants_in_four_nations()

    grants = package(client)["grants"]

    assert [grant["recipientOrganization"] for grant in grants] == [
        [{"id": "GB-LAE-HCK", "name": "London Borough of Hackney"}],
        [{"id": "GB-LAS-EDH", "name": "City of Edinburgh Council"}],
        [{"id": "GB-PLA-CRF", "name": "City of Cardiff Council"}],
        [{"id": "GB-LANI-BFS", "name": "Belfast City Council"}],
    ]
    assert [grant["beneficiaryLocation"] for grant in grants] == [
        [
            {
                "name": "London Borough of Hackney",
                "countryCode": "GB",
                "geoCode": "E09000012",
                "geoCodeType": "LONB",
            }
        ],
        [
            {
                "name": "City of Edinburgh Council",
                "countryCode": "GB",
                "geoCode": "S12000036",
                "geoCodeType": "CA",
            }
        ],
        [
            {
                "name": "City of Cardiff Council",
                "countryCode": "GB",
                "geoCode": "W06000015",
                "geoCodeType": "UA",
            }
        ],
        # 360Giving's list of area types has none for Northern Ireland's districts.
        [{"name": "Belfast City Council", "countryCode": "GB", "geoCode": "N09000003"}],
    ]


def test_a_grant_names_its_funder_amount_dates_and_programme(client):
    [bid, *_] = grants_in_four_nations()
    today = timezone.localdate().isoformat()

    grant = package(client)["grants"][0]

    assert grant["id"] == "360G-localdigital-R6-0001"
    assert grant["fundingOrganization"] == [
        {"id": "GB-GOR-D4", "name": "Ministry of Housing, Communities and Local Government"}
    ]
    assert grant["currency"] == "GBP"
    assert grant["amountAwarded"] == 50_000
    assert grant["amountAppliedFor"] == 50_000
    assert grant["awardDate"] == today
    assert grant["plannedDates"] == [{"startDate": today}]
    assert grant["grantProgramme"] == [
        {
            "code": "local-digital-fund-round-6",
            "title": "Local Digital Fund: Round 6",
            "url": "http://testserver/fund/round-6/",
        }
    ]
    assert grant["url"] == f"http://testserver/fund/projects/{bid.reference}/"
    assert grant["description"] == bid.summary


def test_a_grant_is_for_the_amount_awarded_and_starts_at_its_agreement(client):
    [bid, *_] = grants_in_four_nations()
    bid.amount_awarded = 42_500
    bid.grant_agreed_on = datetime.date(2023, 3, 1)
    bid.save(update_fields=["amount_awarded", "grant_agreed_on"])

    grant = package(client)["grants"][0]

    assert grant["amountAwarded"] == 42_500
    assert grant["amountAppliedFor"] == 50_000
    assert grant["plannedDates"] == [{"startDate": "2023-03-01"}]
    assert package_errors(package(client)) == []


def test_the_id_prefix_and_the_funders_org_id_are_settings(client, settings):
    settings.GRANTS_ID_PREFIX = "360G-mhclg"
    settings.GRANTS_FUNDER_ORG_ID = "GB-GOR-XX1"
    grants_in_four_nations()

    grant = package(client)["grants"][0]

    assert grant["id"] == "360G-mhclg-R6-0001"
    assert grant["fundingOrganization"][0]["id"] == "GB-GOR-XX1"
    assert package_errors(package(client)) == []


@pytest.mark.parametrize(
    ("break_it", "error"),
    [
        (lambda grant: grant.pop("amountAwarded"), "'amountAwarded' is a required property"),
        (lambda grant: grant.update(amountAwarded="£50,000"), "is not of type 'number'"),
        (lambda grant: grant.update(awardDate="14/02/2023"), "$.grants[0].awardDate"),
        (lambda grant: grant.update(currency="pounds"), "'pounds' is not one of"),
        (lambda grant: grant["recipientOrganization"][0].pop("id"), "'id' is a required"),
        (lambda grant: grant.update(fundingOrganization=[]), "should be non-empty"),
    ],
)
def test_the_shipped_schemas_refuse_a_broken_grant(client, break_it, error):
    grants_in_four_nations()
    document = package(client)
    broken = copy.deepcopy(document)

    break_it(broken["grants"][0])

    assert package_errors(document) == []
    assert any(error in message for message in package_errors(broken)), package_errors(broken)


def test_the_package_schemas_reference_to_the_grant_schema_is_resolved_locally():
    # The package names the grant schema by an https address; the registry holds
    # the shipped copy under it, so nothing is fetched (a fetch would fail here).
    validator = package_validator()
    reference = validator.schema["properties"]["grants"]["items"]["$ref"]
    assert reference.startswith("https://")

    resolved = validator._resolver.lookup(reference).contents

    assert resolved["title"] == "360Giving Data Standard Schema"
    assert not validator.is_valid({"grants": [{"id": "360G-x-1"}]})


def test_grants_csv_has_a_row_for_each_grant_under_360givings_column_titles(client):
    grants_in_four_nations()

    rows = csv_rows(client)

    assert list(rows[0]) == [field.name for field in GRANTS.fields]
    assert [row["Recipient Org:Identifier"] for row in rows] == [
        "GB-LAE-HCK",
        "GB-LAS-EDH",
        "GB-PLA-CRF",
        "GB-LANI-BFS",
    ]
    assert rows[0]["Amount Awarded"] == "50000"
    assert rows[3]["Beneficiary Location:Geographic Code Type"] == ""
    assert rows[0]["Grant Programme:Title"] == "Local Digital Fund: Round 6"


def test_each_csv_column_title_is_the_one_the_grant_schema_gives_its_field():
    for column in COLUMNS:
        assert column.title == column_title(column.path)


def test_the_csv_holds_the_same_values_as_the_json(client):
    grants_in_four_nations()

    for grant, row in zip(package(client)["grants"], csv_rows(client), strict=True):
        for column in COLUMNS:
            key, _, inner = column.path.partition(".")
            value = grant.get(key)
            if inner:
                value = (value or [{}])[0].get(inner)
            assert row[column.title] == ("" if value is None else str(value))


def test_a_grant_typed_as_a_formula_is_defused_in_the_csv_only(client):
    funded(published_round(), title="=HYPERLINK(1)")

    assert csv_rows(client)[0]["Title"] == "'=HYPERLINK(1)"
    assert package(client)["grants"][0]["title"] == "=HYPERLINK(1)"


def test_with_nothing_published_both_files_are_empty_but_well_formed(client):
    assert package(client)["grants"] == []
    header = client.get("/fund/grants.csv").getvalue().decode().splitlines()[0]
    assert header.startswith("Identifier,Title,Description,Currency,")


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize("path", ["/fund/grants.json", "/fund/grants.csv"])
def test_grants_files_run_a_fixed_number_of_queries(client, django_assert_num_queries, size, path):
    round_ = published_round()
    for _ in range(size):
        funded(round_)

    # The content version (the file's ETag), then the bids with their round,
    # fund and lead, in lots of 2,000: the file is streamed as it is read.
    with django_assert_num_queries(2):
        assert client.get(path).getvalue()


def test_grants_files_are_cached_and_answer_a_repeat_with_not_modified(client):
    grants_in_four_nations()

    first = client.get("/fund/grants.json")
    first.getvalue()
    again = client.get("/fund/grants.json", headers={"if-none-match": first["ETag"]})

    assert first["Cache-Control"].startswith("public")
    assert first["Access-Control-Allow-Origin"] == "*"
    assert again.status_code == 304


def test_open_data_page_describes_the_grants_and_each_column(client):
    response = client.get("/open-data/")

    html = response.content.decode()
    page = text(response)
    assert 'href="/fund/grants.json"' in html
    assert 'href="/fund/grants.csv"' in html
    assert "360Giving Data Standard" in page
    assert "Fields of grants, as 360giving data" in page
    for field in GRANTS.fields:
        assert f"<code>{field.name}</code>" in html
