"""The page behind the report link: opening it changes nothing, the form's
button publishes the report, and the link then works no more."""

import pytest

from signatories import services
from signatories.models import Delivery, DeliveryReport
from tests.govuk_pages import error_summary, text, title
from tests.signatories.project_reports import latest_report_path, signed_days_ago

pytestmark = pytest.mark.django_db

ANSWERS = {
    "delivery": "partly",
    "delivered": "Applications are online.\nPayments follow in the summer.",
    "links": "https://www.example.gov.uk/apply\n\nhttps://www.example.gov.uk/blog/apply",
    "reported_by": "Priya Shah",
}


@pytest.fixture
def asked(django_capture_on_commit_callbacks):
    sign_up = signed_days_ago(340)
    with django_capture_on_commit_callbacks(execute=True):
        services.ask_for_reports()
    return sign_up, latest_report_path()


def test_opening_the_link_shows_the_project_and_saves_nothing(client, asked):
    sign_up, path = asked

    response = client.get(path)

    assert response.status_code == 200
    assert title(response) == "How did your declaration project go? – Local Digital"
    assert sign_up.commitment.title in text(response)
    assert not DeliveryReport.objects.exists()


def test_the_report_is_published_on_the_signatory_page(client, asked):
    sign_up, path = asked

    response = client.post(path, ANSWERS)

    assert response["Location"] == "/sign/report-sent/"
    report = DeliveryReport.objects.get(sign_up=sign_up)
    assert report.delivery == Delivery.PARTLY
    assert report.links == [
        "https://www.example.gov.uk/apply",
        "https://www.example.gov.uk/blog/apply",
    ]
    assert "Thank you for your report" in text(client.get("/sign/report-sent/"))
    page = text(client.get(sign_up.organisation.get_absolute_url()))
    assert "Was it delivered? Partly delivered" in page
    assert "Payments follow in the summer." in page
    assert "Priya Shah" not in page.split("Was it delivered?")[1]


def test_the_link_works_once(client, asked):
    _, path = asked
    client.post(path, ANSWERS)

    response = client.post(path, ANSWERS | {"delivery": "delivered"})

    assert response.status_code == 410
    assert "This link has already been used" in text(response)
    assert DeliveryReport.objects.get().delivery == Delivery.PARTLY


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"delivery": ""}, "Select whether the project was delivered"),
        ({"delivery": "mostly"}, "Select whether the project was delivered"),
        ({"delivered": "   "}, "Enter what was delivered, or why it was not"),
        ({"delivered": "x" * 2001}, "What was delivered must be 2000 characters or fewer"),
        ({"reported_by": ""}, "Enter your name"),
        (
            {"links": "www.example.gov.uk"},
            "Enter each web address in full on its own line, like "
            "https://www.example.gov.uk/our-project",
        ),
        (
            {"links": "javascript:alert(1)"},
            "Enter each web address in full on its own line, like "
            "https://www.example.gov.uk/our-project",
        ),
        (
            {"links": "\n".join(f"https://example.gov.uk/{n}" for n in range(6))},
            "Enter 5 web addresses or fewer",
        ),
    ],
)
def test_a_report_with_a_problem_says_what_to_fix_and_saves_nothing(client, asked, change, message):
    _, path = asked

    response = client.post(path, ANSWERS | change)

    assert response.status_code == 200
    assert error_summary(response) == [message]
    assert title(response).startswith("Error: ")
    assert not DeliveryReport.objects.exists()
    # What was typed is kept.
    assert "Payments follow in the summer." in response.content.decode() or "delivered" in change


def test_an_unknown_link_is_not_found(client, db):
    response = client.get("/sign/report/not-a-real-token/")

    assert response.status_code == 404
    assert "This link does not work" in text(response)
