"""Email updates in Chromium: the page is accessible with and without
JavaScript, and the story of a bulletin, from a visitor who subscribes to
news with JavaScript off and confirms, to the editor who sends a bulletin,
to the email that arrives and the one-click unsubscribe that works."""

import re
from urllib.parse import urlsplit

import pytest

from subscriptions.models import Subscriber
from tests.browser.steps import MODERATOR_PASSWORD, heading, last_email_to, main_text, press_button
from tests.browser.steps import moderator_signs_in as staff_signs_in
from tests.factories import content_editor_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

READER = "reader@example.com"
EDITOR = "chris.evans@communities.gov.uk"


def _link(body: str, kind: str) -> str:
    return re.search(rf"https?://[^/\s]+(/subscriptions/{kind}/[^/\s]+/)", body)[1]


def test_the_email_updates_page_is_accessible_with_and_without_javascript(
    page, new_browser, assert_accessible
):
    for each in (page, new_browser(javascript=False)):
        each.goto("/email-updates/")
        assert heading(each) == "Get email updates"
        assert_accessible(each)
        press_button(each, "Subscribe")
        assert each.title().startswith("Error: ")
        assert_accessible(each)


def _reader_subscribes_to_news(reader, assert_accessible) -> None:
    reader.goto("/email-updates/")
    reader.get_by_label("Email address").fill(READER)
    reader.get_by_label("News", exact=True).check()
    reader.get_by_label("An email for each update").check()
    press_button(reader, "Subscribe")
    assert heading(reader) == "Check your email"
    reader.goto(_link(last_email_to(READER).body, "confirm"))
    press_button(reader, "Confirm email updates")
    assert heading(reader) == "Your email updates"
    assert "news from Local Digital" in main_text(reader)
    assert_accessible(reader)


def _editor_sends_a_bulletin(page) -> None:
    content_editor_user("editor", password=MODERATOR_PASSWORD, email=EDITOR)
    staff_signs_in(page, username="editor")
    page.goto("/admin/subscriptions/bulletin/add/")
    page.get_by_label("Subject").fill("Round 8 of the fund is coming")
    page.get_by_label("Send to followers of").select_option(label="news from Local Digital")
    page.get_by_label("Body").fill("Bids open on **1 April**.\n\n- Read the guidance")
    press_button(page, "Save and continue editing")
    page.get_by_role("link", name="Send a test to me").click()
    press_button(page, "Send a test to me")
    assert f"A test is on its way to {EDITOR}" in page.content()
    assert last_email_to(EDITOR).subject == "[Test] Round 8 of the fund is coming"
    page.get_by_role("link", name="Send to its followers").click()
    press_button(page, "Send to 1 subscriber")
    assert "The bulletin is being sent" in page.content()


def test_a_visitor_subscribes_to_news_an_editor_sends_a_bulletin_and_it_unsubscribes(
    page, new_browser, assert_accessible
):
    reader = new_browser(javascript=False)
    _reader_subscribes_to_news(reader, assert_accessible)

    _editor_sends_a_bulletin(page)

    email = last_email_to(READER)
    assert email.subject == "Round 8 of the fund is coming"
    assert "Bids open on 1 April." in email.body
    [(html, _)] = email.alternatives
    assert "<strong>1 April</strong>" in html
    # The mail program's unsubscribe button: RFC 8058's POST, with no cookie.
    # (Its address names the site's own host; the test server is elsewhere.)
    one_click = urlsplit(email.message()["List-Unsubscribe"].strip("<>")).path
    response = reader.request.post(one_click, form={"List-Unsubscribe": "One-Click"})
    assert response.status == 200
    assert not Subscriber.objects.filter(email=READER).exists()
