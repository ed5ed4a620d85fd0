"""A year on: the officer opens the emailed link, reports on the declaration
project with the keyboard alone and JavaScript off, and the report is public."""

import pytest
from django.core import mail

from signatories import services
from signatories.models import Delivery, DeliveryReport
from tests.signatories.project_reports import report_path, signed_days_ago

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_reports_with_the_keyboard_and_the_report_is_public(
    page_without_js, assert_accessible
):
    page = page_without_js
    sign_up = signed_days_ago(340)
    services.ask_for_reports()
    page.goto(report_path(mail.outbox[0]))

    assert sign_up.commitment.title in page.locator("main").inner_text()
    page.get_by_role("button", name="Send report").focus()
    page.keyboard.press("Enter")
    assert (
        "Select whether the project was delivered"
        in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)

    page.get_by_label("Delivered", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_label("What was delivered, or why it was not").focus()
    page.keyboard.type("Renewals moved online in January.")
    page.get_by_label("Where people can see it (optional)").focus()
    page.keyboard.type("https://www.example.gov.uk/renew")
    page.get_by_label("Your name").focus()
    page.keyboard.type("Priya Shah")
    page.get_by_role("button", name="Send report").focus()
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/report-sent/")
    assert_accessible(page)
    page.get_by_role("link", name=f"the page of {sign_up.organisation.name}").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{sign_up.organisation.get_absolute_url()}")
    report = page.locator("#delivery ~ p").first
    assert report.inner_text() == "Delivered"
    assert page.get_by_role("link", name="https://www.example.gov.uk/renew").is_visible()
    assert_accessible(page)
    assert DeliveryReport.objects.get().delivery == Delivery.DELIVERED
