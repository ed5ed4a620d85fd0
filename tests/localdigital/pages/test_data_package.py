"""The open data's metadata: /open-data/datapackage.json describes every CSV file the
site publishes as a Frictionless Data Package, checked here by the frictionless
library against the files as served; and the open data page's schema.org markup."""

import datetime
import json
import re

import frictionless
import pytest
from django.conf import settings
from django.urls import get_resolver

from localdigital.pages import performance
from localdigital.pages.models import Feedback, Satisfaction
from localdigital.pages.open_data_metadata import published_datasets
from tests.factories import EventFactory, signed_council
from tests.funding.expressions import published_expression
from tests.funding.fund_pages import not_funded, published_round
from tests.funding.grant_councils import grants_in_four_nations
from tests.sharing.cases import published_case_study
from tests.sharing.projects import funded_project, post_update

pytestmark = pytest.mark.django_db


def descriptor(client) -> dict:
    response = client.get("/open-data/datapackage.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def local_path(url: str) -> str:
    assert url.startswith(settings.SITE_URL)
    return url.removeprefix(settings.SITE_URL)


def csv_routes() -> set[str]:
    """Every address the site serves a CSV file at, from its URL configuration."""
    found = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, route)
            elif route.endswith(".csv"):
                found.add("/" + route)

    walk(get_resolver().url_patterns, "")
    return found


def every_file_has_rows():
    signed_council(name="Kent County Council")
    bids = grants_in_four_nations()
    not_funded(bids[0].round, title="Not funded this time either", amount=None)
    round_ = bids[0].round
    round_.expressions_open_at = round_.opens_at - datetime.timedelta(days=60)
    round_.expressions_close_at = round_.opens_at - datetime.timedelta(days=30)
    round_.save()
    published_expression(round_, state="invited", number=1, title="Shared case tool")
    # Its own round, named apart from the grants' "Round 6".
    post_update(
        funded_project(
            round=published_round(name="Round 3", slug="round-3", reference_prefix="R3")
        ),
        title="Sprint 3: what we learned",
    )
    published_case_study([bids[0].lead])
    EventFactory()
    Feedback.objects.create(satisfaction=Satisfaction.SATISFIED)
    performance.record()


def test_the_package_lists_every_csv_file_the_site_publishes(client):
    resources = descriptor(client)["resources"]

    assert {local_path(resource["path"]) for resource in resources} == csv_routes()
    assert [resource["name"] for resource in resources] == [
        dataset.name for dataset in published_datasets()
    ]


def test_each_column_has_the_type_name_and_meaning_of_its_field(client):
    resources = {resource["name"]: resource for resource in descriptor(client)["resources"]}

    for dataset in published_datasets():
        fields = resources[dataset.name]["schema"]["fields"]
        assert [(f["name"], f["type"], f["description"]) for f in fields] == [
            (field.name, field.type, field.meaning) for field in dataset.fields
        ]
    signed_at = resources["signatories"]["schema"]["fields"][8]
    assert (signed_at["name"], signed_at["type"]) == ("signed_at", "datetime")
    amount = resources["fund-grants"]["schema"]["fields"][5]
    assert (amount["name"], amount["type"]) == ("Amount Awarded", "integer")


def test_frictionless_finds_the_package_and_every_file_valid(client, tmp_path):
    every_file_has_rows()
    package = descriptor(client)
    for resource in package["resources"]:
        response = client.get(local_path(resource["path"]))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        # The file as served, beside a copy of the package that names it there.
        name = f"{resource['name']}.csv"
        content = response.getvalue()
        assert len(content.splitlines()) > 1, f"{name} has no rows"
        (tmp_path / name).write_bytes(content)
        resource["path"] = name
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")

    report = frictionless.validate(str(tmp_path / "datapackage.json"))

    assert report.valid, report.flatten(["title", "type", "note"])
    assert len(report.tasks) == len(package["resources"])
    for resource in package["resources"]:
        each = frictionless.validate(resource, basepath=str(tmp_path))
        assert each.valid, (resource["name"], each.flatten(["type", "note"]))


def test_frictionless_refuses_a_file_that_breaks_its_described_types(client, tmp_path):
    every_file_has_rows()
    resource = next(r for r in descriptor(client)["resources"] if r["name"] == "fund-grants")
    served = client.get(local_path(resource["path"])).getvalue().decode()
    (tmp_path / "grants.csv").write_text(served.replace(",50000,", ",fifty thousand,"))
    resource["path"] = "grants.csv"

    report = frictionless.validate(resource, basepath=str(tmp_path))

    assert not report.valid
    assert "type-error" in [error[0] for error in report.flatten(["type"])]


@pytest.mark.parametrize("size", [1, 4])
def test_the_package_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    for _ in range(size):
        signed_council()

    # None: the package is made from the datasets' definitions alone.
    with django_assert_num_queries(0):
        assert client.get("/open-data/datapackage.json").status_code == 200


def test_the_package_is_cached_and_answers_a_repeat_with_not_modified(client):
    first = client.get("/open-data/datapackage.json")
    again = client.get("/open-data/datapackage.json", headers={"if-none-match": first["ETag"]})

    assert first["Cache-Control"].startswith("public")
    assert first["Access-Control-Allow-Origin"] == "*"
    assert again.status_code == 304


def structured_data(html: str) -> dict:
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_open_data_page_describes_each_dataset_in_schema_org_markup(client):
    html = client.get("/open-data/").content.decode()

    catalogue = structured_data(html)

    assert catalogue["@context"] == "https://schema.org"
    assert catalogue["@type"] == "DataCatalog"
    datasets = catalogue["dataset"]
    assert [d["name"] for d in datasets] == [d.title for d in published_datasets()]
    grants = next(d for d in datasets if d["name"] == "Grants, as 360Giving data")
    assert grants["@type"] == "Dataset"
    assert grants["license"].startswith("https://www.nationalarchives.gov.uk/")
    assert grants["distribution"] == [
        {
            "@type": "DataDownload",
            "contentUrl": "http://testserver/fund/grants.csv",
            "encodingFormat": "text/csv",
        },
        {
            "@type": "DataDownload",
            "contentUrl": "http://testserver/fund/grants.json",
            "encodingFormat": "application/json",
        },
    ]
    assert "Amount Awarded" in grants["variableMeasured"]


def test_the_schema_org_markup_is_data_that_the_policy_need_not_allow(client):
    response = client.get("/open-data/")

    html = response.content.decode()
    # JSON-LD is a data block: browsers never run it, so the policy gives it no
    # hash, and the page still allows scripts only from the site and by hash.
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert html.count('<script type="application/ld+json">') == 1
    # The JSON is escaped for HTML: no text in it can end the script element.
    assert "</" not in re.search(r"ld\+json\">(.*?)</script>", html, re.S).group(1)


def test_open_data_page_links_to_the_data_package(client):
    html = client.get("/open-data/").content.decode()

    assert 'href="/open-data/datapackage.json"' in html
    assert 'id="data-package"' in html
