"""News, events, programme pages and co-publishers in Chromium: accessible
with and without JavaScript, and a reader's path from the home page to an
event's calendar file by keyboard."""

import pytest

from tests.programme.content import PROGRAMME_PAGES, programme_content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def content():
    programme_content()


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize(("path", "heading"), PROGRAMME_PAGES)
def test_programme_page_has_no_accessibility_problems(page, assert_accessible, path, heading):
    page.goto(path)

    assert page.locator("h1").inner_text() == heading
    assert_accessible(page)
    assert page.console_errors == []


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize(("path", "heading"), PROGRAMME_PAGES)
def test_programme_page_works_without_javascript(page_without_js, assert_accessible, path, heading):
    page_without_js.goto(path)

    assert page_without_js.locator("h1").inner_text() == heading
    assert_accessible(page_without_js)


@pytest.mark.usefixtures("content")
def test_a_reader_goes_from_the_latest_news_to_an_event_and_its_calendar_file(page):
    page.goto("/")
    page.get_by_role("link", name="Round 7 of the fund is open").click()
    assert page.locator("h1").inner_text() == "Round 7 of the fund is open"

    navigation = page.get_by_role("navigation", name="Menu")
    navigation.get_by_role("link", name="Events").click()
    page.get_by_role("link", name="Digital planning show and tell").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()

    assert download.value.suggested_filename == "digital-planning-show-and-tell.ics"
    assert b"SUMMARY:Digital planning show and tell" in download.value.path().read_bytes()


@pytest.mark.usefixtures("content")
def test_a_reader_finds_a_programme_page_from_the_navigation_and_its_contents(page):
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="The programme").click()
    page.get_by_role("link", name="Cyber support").click()

    page.get_by_role("navigation", name="Contents").get_by_role("link", name="What it is").click()

    assert page.url.endswith("/programme/cyber-support/#section-1")
    page.get_by_role("link", name="Cyber training").first.click()
    assert page.locator("h1").inner_text() == "Cyber training"
