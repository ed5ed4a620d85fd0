"""Site search in Chromium: the header's box on every page, the results, by keyboard alone."""

import pytest

from tests.localdigital.pages.search.search_content import make_search_content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def search_content(site_content):
    make_search_content()


# (address, the page's main heading)
PAGES = [
    ("/search/?q=garden+waste", "Search results"),
    ("/search/?q=council", "Search results"),
    ("/search/?q=zebra", "Search results"),
    ("/search/?q=", "Search"),
    ("/search/?q=" + "x" * 201, "Search"),
]


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_search_page_is_accessible_with_javascript(
    page, assert_accessible, search_content, path, heading
):
    page.goto(path)

    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)
    assert page.console_errors == []


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_search_page_works_and_is_accessible_without_javascript(
    page_without_js, assert_accessible, search_content, path, heading
):
    page_without_js.goto(path)

    assert heading in page_without_js.locator("h1").inner_text()
    assert_accessible(page_without_js)


def tab_to(page, target) -> None:
    """Press Tab until `target` has the focus, as a keyboard user would."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return
    raise AssertionError("Tab never reached it")


@pytest.mark.parametrize("javascript", [True, False])
def test_a_visitor_searches_from_the_header_and_follows_a_result_by_keyboard(
    page, page_without_js, search_content, javascript
):
    page = page if javascript else page_without_js
    page.goto("/fund/")
    box = page.get_by_role("search").get_by_label("Search Local Digital")

    tab_to(page, box)
    page.keyboard.type("garden waste")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=garden+waste")

    assert page.locator("h1").inner_text() == "Search results"
    result = page.get_by_role("link", name="Garden waste collection booking")
    tab_to(page, result)
    page.keyboard.press("Enter")
    page.wait_for_url("**/fund/projects/R6-0001/")
    assert page.locator("h1").inner_text() == "Garden waste collection booking"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_header_box_fits_beside_or_below_the_navigation(page, search_content, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")

    box = page.get_by_role("search").get_by_label("Search Local Digital")
    assert box.is_visible()
    # Nothing spills out sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
