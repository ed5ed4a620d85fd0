"""The declaration page on paper: its text, without the screen's navigation."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_printed_declaration_is_its_text_alone(page):
    page.goto("/declaration/")
    page.emulate_media(media="print")

    for screen_only in [
        ".govuk-service-navigation",
        ".govuk-phase-banner",
        ".govuk-footer",
        ".govuk-button",
    ]:
        assert not page.locator(screen_only).first.is_visible(), screen_only
    assert not page.get_by_role("link", name="Download the declaration as a PDF").is_visible()
    assert page.locator("h1").is_visible()
    assert page.get_by_role("heading", name="Our principles").is_visible()
    assert page.locator("#principle-5").is_visible()
    # The text runs the width of the paper.
    main_width = page.locator("main").bounding_box()["width"]
    text_width = page.locator(".govuk-grid-column-two-thirds").first.bounding_box()["width"]
    assert text_width > 0.9 * main_width
