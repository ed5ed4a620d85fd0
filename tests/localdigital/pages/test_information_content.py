"""What the information pages and headings say is true of the site as built."""

import datetime
import re

import pytest
from django.core.management import call_command

from funding.apply import limits as fund_limits
from funding.models import Round
from localdigital.core import staff_sign_in_records
from signatories.sign import limits as sign_limits
from tests.admin_pages import page_text

pytestmark = pytest.mark.django_db


def headings(response) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", response.content.decode(), re.S)
    ]


def test_accessibility_statement_says_how_it_was_tested_and_claims_no_full_compliance(client):
    text = page_text(client.get("/accessibility/"))

    assert "fully compliant" not in text
    assert "partially compliant" in text
    assert "not yet had this website audited" in text
    for way in ("axe-core", "Nu HTML Checker", "using only a keyboard", "JavaScript turned off"):
        assert way in text
    assert "It was last reviewed on" in text


def test_privacy_notice_names_the_controller_the_dpo_the_panel_and_what_is_kept_how_long(client):
    text = page_text(client.get("/privacy/"))

    assert "(MHCLG) is the data controller" in text
    assert "dataprotection@communities.gov.uk" in text
    assert "Article 6(1)(e)" in text
    assert "external assessment panel" in text
    assert "deleted after 30 days" in text
    assert "Information Commissioner’s Office" in text
    # It says the counts kept under an IP address go within an hour: so must the code.
    assert "deleted automatically within an hour" in text
    windows = [
        getattr(module, name)["per_seconds"]
        for module in (sign_limits, fund_limits)
        for name in dir(module)
        if name.endswith("_LIMIT") and isinstance(getattr(module, name), dict)
    ]
    assert len(windows) >= 8
    assert max(windows) <= 60 * 60


def test_privacy_notice_says_how_long_staff_sign_in_records_are_kept_as_the_code_keeps_them(
    client, settings
):
    text = page_text(client.get("/privacy/"))

    assert "we record each wrong password, and each time they sign in and out" in text
    assert "the username given, the IP address" in text
    # Each limit it states is the one the scheduled deletion applies.
    assert "A wrong password given when staff sign in is kept for 30 minutes" in text
    assert datetime.timedelta(minutes=30) == settings.AXES_COOLOFF_TIME
    assert "deleted automatically within the hour after that" in text
    assert settings.CELERY_BEAT_SCHEDULE["forget-old-staff-sign-ins"]["schedule"] <= 60 * 60
    assert "sign in and out is deleted automatically after 90 days" in text
    assert staff_sign_in_records.SIGN_INS_KEPT_DAYS == 90
    assert settings.AXES_ENABLE_ACCESS_FAILURE_LOG is False


def test_principle_pages_head_the_declarations_we_will_words_as_commitments(client):
    response = client.get("/declaration/fix-the-plumbing/")

    assert "What signatories commit to" in headings(response)
    assert "What signatories will do" not in headings(response)
    assert "each signatory says “we will”:" in page_text(response)


def test_the_declarations_fund_section_links_to_the_fund(client):
    html = client.get("/declaration/").content.decode()

    section = html[html.index('id="the-fund"') :]
    assert 'href="/fund/"' in section[: section.index("</p>", section.index("</p>") + 1)]


def test_the_organisation_list_without_javascript_does_not_ask_you_to_type(client):
    text = page_text(client.get("/sign/organisation/"))

    assert "Or choose it from the full list" in text
    assert "Start typing" not in text
    assert "Organisations are listed in alphabetical order." in text


def test_a_rounds_page_has_each_heading_once(client, settings):
    settings.DEBUG = True
    call_command("load_demo_content")
    settings.DEBUG = False

    for round_ in Round.objects.all():
        found = headings(client.get(round_.get_absolute_url()))
        assert found.count("How bids are assessed") == 1, round_.slug
        assert len(found) == len(set(found)), found
