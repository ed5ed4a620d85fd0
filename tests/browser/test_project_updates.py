"""Project updates in Chromium: the pages are accessible with and without
JavaScript, and the story of an update, from the officer who posts it to the
reader who follows the project, gets it by email and unsubscribes."""

import re

import pytest

from sharing.models import ProjectUpdate
from subscriptions.models import Subscriber
from tests.browser import update_pages
from tests.browser.officer_bid_steps import officer_asks_for_a_link, officer_follows_the_link
from tests.browser.steps import heading, last_email_to, main_text, press_button
from tests.browser.update_pages import OFFICER, PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

READER = "reader@example.com"
# The fixture, under its name here.
updated_project = update_pages.updated_project


def _link(body: str, kind: str) -> str:
    return re.search(rf"https?://[^/\s]+(/subscriptions/{kind}/[^/\s]+/)", body)[1]


@pytest.mark.parametrize(("path", "heading_text", "status"), PAGES)
def test_update_page_is_accessible_with_and_without_javascript(
    page, new_browser, assert_accessible, updated_project, path, heading_text, status
):
    for each in (page, new_browser(javascript=False)):
        response = each.goto(path)

        assert response.status == status
        assert heading_text in heading(each)
        assert_accessible(each)


def test_an_officer_posts_an_update_and_a_follower_gets_it_and_unsubscribes(
    page, new_browser, assert_accessible, updated_project
):
    bid = updated_project
    # A reader follows the project from its page, and confirms.
    reader = new_browser(javascript=False)
    reader.goto(bid.get_absolute_url())
    reader.get_by_role("link", name="Get an email when this project posts an update").click()
    reader.get_by_label("Email address").fill(READER)
    reader.get_by_label("An email for each update").check()
    press_button(reader, "Follow")
    assert heading(reader) == "Check your email"
    assert_accessible(reader)
    reader.goto(_link(last_email_to(READER).body, "confirm"))
    assert_accessible(reader)
    press_button(reader, "Confirm email updates")
    assert heading(reader) == "Your email updates"
    assert "Shared repairs reporting" in main_text(reader)
    assert_accessible(reader)

    # The lead council's officer signs in and posts an update.
    page.goto("/updates/yours/")
    officer_asks_for_a_link(page, assert_accessible, email=OFFICER)
    officer_follows_the_link(page, assert_accessible, email=OFFICER)
    assert heading(page) == "Your projects’ updates"
    page.get_by_role("link", name="Post an update to Shared repairs reporting").click()
    press_button(page, "Publish update")
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Show and tell").check()
    page.get_by_label("Title").fill("Show and tell: the repairs prototype")
    page.get_by_label("Update", exact=True).fill("We showed it to **forty** people.")
    press_button(page, "Publish update")
    assert "has been published" in main_text(page)

    # The reader gets the email, with the one-click unsubscribe headers.
    email = last_email_to(READER)
    assert "Show and tell: the repairs prototype" in email.subject
    assert email.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    update = ProjectUpdate.objects.get(title="Show and tell: the repairs prototype")
    assert f"/updates/{update.pk}/" in email.body
    reader.goto(f"/updates/{update.pk}/")
    assert heading(reader) == "Show and tell: the repairs prototype"
    assert "forty" in main_text(reader)

    # ... and unsubscribes from the link in it: the address is gone.
    reader.goto(_link(email.body, "unsubscribe"))
    assert_accessible(reader)
    press_button(reader, "Unsubscribe")
    assert heading(reader) == "You have unsubscribed"
    assert not Subscriber.objects.filter(email=READER).exists()
