"""Every public page, as a person sees it in Chromium, with and without JavaScript."""

import re

import pytest

from localdigital.pages.models import Feedback, Satisfaction
from tests.pages import NOT_FOUND_PAGE, PUBLIC_PAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PAGES_AND_404 = [*PUBLIC_PAGES, NOT_FOUND_PAGE]


@pytest.mark.parametrize(("path", "heading"), PAGES_AND_404)
def test_page_has_no_accessibility_problems_with_javascript(page, assert_accessible, path, heading):
    page.goto(path)

    assert heading in page.locator("h1").inner_text()
    # The inline snippet ran (its hash was allowed) and GOV.UK Frontend started.
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    assert_accessible(page)
    assert page.console_errors == [] or all("404" in e for e in page.console_errors)


@pytest.mark.parametrize(("path", "heading"), PAGES_AND_404)
def test_page_works_and_is_accessible_without_javascript(
    page_without_js, assert_accessible, path, heading
):
    page = page_without_js
    page.goto(path)

    assert heading in page.locator("h1").inner_text()
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    assert page.locator("footer").get_by_role("link", name="Accessibility statement").is_visible()
    assert_accessible(page)


FONT_FILE = re.compile(r"\.(woff2?|ttf|otf|eot)(\?|$)")


def test_a_first_visit_downloads_no_font_and_shows_no_govuk_brand(page):
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.goto("/")
    page.wait_for_load_state("networkidle")

    assert [r.url for r in requests if r.resource_type == "font" or FONT_FILE.search(r.url)] == []
    # No @font-face in any stylesheet the page loaded, and the system font is used.
    font_faces = page.evaluate(
        """[...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
             .filter(rule => rule instanceof CSSFontFaceRule).length"""
    )
    assert font_faces == 0
    font = page.locator("h1").evaluate("e => getComputedStyle(e).fontFamily")
    assert font.startswith("system-ui") and "GDS Transport" not in font
    # The Generic header names the service; no GOV.UK logotype, crown or Royal Arms.
    header = page.locator("header")
    assert header.get_by_role("link", name="Local Digital", exact=True).is_visible()
    assert page.locator(".govuk-header, .govuk-logo, .govuk-footer__crown").count() == 0
    assert page.locator(".govuk-footer__copyright-logo").count() == 0
    footer = page.locator("footer")
    assert "Ministry of Housing, Communities and Local Government" in footer.inner_text()


def test_keyboard_user_can_skip_to_the_main_content(page):
    page.goto("/declaration/")

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.inner_text() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_keyboard_user_can_read_a_principle_from_the_declaration(page):
    page.goto("/declaration/")

    link = page.get_by_role("link", name=re.compile("More about principle 2"))
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/declaration/fix-the-plumbing/")
    assert "Fix the plumbing" in page.locator("h1").inner_text()


def test_the_axe_check_finds_a_real_problem(page, assert_accessible):
    # The check must be able to fail: an image with no text alternative.
    page.goto("/contact/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')"
    )

    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_keyboard_user_without_javascript_gives_feedback_from_the_phase_banner(
    page_without_js, assert_accessible
):
    page = page_without_js
    page.goto("/signatories/")
    page.locator(".govuk-phase-banner").get_by_role("link", name="give your feedback").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/?from=/signatories/")

    # Sent with no answer: the error summary says what to do.
    page.get_by_role("button", name="Send feedback").focus()
    page.keyboard.press("Enter")
    summary = page.locator(".govuk-error-summary")
    assert "Select how you feel about this service" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert_accessible(page)

    page.get_by_label("Very satisfied").focus()
    page.keyboard.press("Space")
    page.get_by_label("How could we improve this service? (optional)").focus()
    page.keyboard.type("A map of who has signed.")
    page.get_by_role("button", name="Send feedback").focus()
    page.keyboard.press("Enter")

    page.wait_for_url("**/feedback/sent/")
    assert "Thank you for your feedback" in page.locator("h1").inner_text()
    assert_accessible(page)
    feedback = Feedback.objects.get()
    assert feedback.satisfaction == Satisfaction.VERY_SATISFIED
    assert (feedback.comment, feedback.from_page) == ("A map of who has signed.", "/signatories/")
