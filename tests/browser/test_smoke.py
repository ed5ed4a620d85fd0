import pytest

pytestmark = pytest.mark.browser


def test_home_page_is_styled_and_accessible(page, assert_accessible):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Local Digital"
    assert_accessible(page)
    assert page.console_errors == []
