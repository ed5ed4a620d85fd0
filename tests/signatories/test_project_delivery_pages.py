"""Reports on declaration projects on the public pages: the signatory's page,
the projects list's filter, the open data and staff's list of overdue reports."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group

from signatories.models import Delivery, DeliveryReport
from tests.govuk_pages import text
from tests.signatories.project_reports import signed_days_ago
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


def reported(days: int, delivery: Delivery, **fields):
    sign_up = signed_days_ago(days, **fields)
    DeliveryReport.objects.create(
        sign_up=sign_up,
        delivery=delivery,
        delivered=f"What {sign_up.organisation.name} did.",
        links=["https://www.example.gov.uk/done"],
        reported_by="Priya Shah",
    )
    return sign_up


def test_a_page_before_the_year_is_up_says_when_the_project_is_due(client):
    sign_up = signed_days_ago(30)

    page = text(client.get(sign_up.organisation.get_absolute_url()))

    assert "The project is due by" in page
    assert "has not yet reported" not in page


def test_a_page_a_year_on_with_no_report_says_so(client):
    sign_up = signed_days_ago(400)

    page = text(client.get(sign_up.organisation.get_absolute_url()))

    assert f"{sign_up.organisation.name} has not yet reported" in page


def test_the_projects_list_filters_by_delivery(client):
    done = reported(400, Delivery.DELIVERED, organisation__name="Deliverton Council")
    reported(400, Delivery.NOT_DELIVERED, organisation__name="Stalled Council")
    waiting = signed_days_ago(100, organisation__name="Waiting Council")

    delivered = text(client.get("/declaration-projects/?delivery=delivered"))
    not_yet = text(client.get("/declaration-projects/?delivery=not_reported"))
    either = text(client.get("/declaration-projects/?delivery=delivered&delivery=not_reported"))

    assert done.commitment.title in delivered and "Stalled Council" not in delivered
    assert "Delivered" in delivered
    assert waiting.commitment.title in not_yet and "Deliverton Council" not in not_yet
    assert "Deliverton Council" in either and "Waiting Council" in either
    assert "Stalled Council" not in either


def test_an_unknown_delivery_filter_is_ignored(client):
    reported(400, Delivery.DELIVERED)

    response = client.get("/declaration-projects/?delivery=%00nonsense")

    assert response.status_code == 200
    assert "1 project" in text(response)


@pytest.mark.parametrize("rows", [1, 6])
def test_the_filtered_list_reads_the_same_queries_whatever_its_length(
    client, django_assert_num_queries, rows
):
    for number in range(rows):
        reported(400, Delivery.PARTLY, organisation__name=f"Council {number}")

    # The count, the page of projects and their principles.
    with django_assert_num_queries(5):
        response = client.get("/declaration-projects/?delivery=partly")
    assert response.status_code == 200


def test_the_open_data_carries_each_report(client):
    reported(400, Delivery.NOT_DELIVERED, organisation__name="Stalled Council")
    signed_days_ago(10, organisation__name="New Council")

    rows = {
        row["title"]: row
        for row in csv.DictReader(
            io.StringIO(client.get("/declaration-projects.csv").getvalue().decode())
        )
    }
    results = json.loads(client.get("/declaration-projects.json").getvalue())["results"]

    stalled = rows["Commitment of Stalled Council"]
    assert stalled["delivery"] == "not-delivered"
    assert stalled["what_was_delivered"] == "What Stalled Council did."
    assert stalled["delivery_links"] == "https://www.example.gov.uk/done"
    assert rows["Commitment of New Council"]["delivery"] == ""
    by_title = {row["title"]: row for row in results}
    assert by_title["Commitment of Stalled Council"]["delivery_links"] == [
        "https://www.example.gov.uk/done"
    ]
    assert by_title["Commitment of New Council"]["delivery_links"] is None


def test_moderators_see_the_reports_that_are_overdue(client, django_user_model):
    late = signed_days_ago(380, organisation__name="Late Council")
    reported(380, Delivery.DELIVERED, organisation__name="Prompt Council")
    signed_days_ago(200, organisation__name="Early Council")
    moderator = django_user_model.objects.create_user("moderator", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    sign_in_staff(client, moderator)

    page = text(client.get("/admin/signatories/signup/?report=overdue"))

    assert late.reference in page
    assert "Prompt Council" not in page and "Early Council" not in page
