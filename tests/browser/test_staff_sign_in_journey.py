"""A new member of staff signs in for the first time, sets up their app, and
signs in again later with its code and, once, with a recovery code."""

import base64

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp

from tests.browser.steps import MODERATOR_PASSWORD, heading, press_button
from tests.staff import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def new_staff():
    """An account made with createsuperuser or in the admin: no second factor yet."""
    return get_user_model().objects.create_user(
        "newcomer", password=MODERATOR_PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture(params=["javascript", "no javascript"])
def tab(request):
    return request.getfixturevalue("page" if request.param == "javascript" else "page_without_js")


def code_for(key_shown: str) -> str:
    """What an authenticator app shows now for the key as shown on the page."""
    key = key_shown.replace(" ", "")
    return f"{totp(base64.b32decode(key + '=' * (-len(key) % 8))):06d}"


def gives_password(page) -> None:
    page.goto("/admin/")
    page.get_by_label("Username").fill("newcomer")
    page.get_by_label("Password").fill(MODERATOR_PASSWORD)
    press_button(page, "Log in")


def test_first_sign_in_sets_up_the_app_then_later_sign_ins_ask_for_its_code(
    tab, new_staff, assert_accessible
):
    page = tab
    gives_password(page)

    assert heading(page) == "Set up your authenticator app"
    assert page.get_by_role(
        "img", name="QR code for setting up your authenticator app"
    ).is_visible()
    assert_accessible(page)
    key = page.locator("#secret-key").inner_text()

    # A mistyped code is refused, clearly, and the key stays the same.
    page.get_by_label("Code").fill("12345")
    press_button(page, "Confirm and continue")
    assert heading(page) == "Set up your authenticator app"
    assert "That code is not right." in page.locator(".errornote").inner_text()
    assert page.get_by_label("Code").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    assert page.locator("#secret-key").inner_text() == key

    page.get_by_label("Code").fill(code_for(key))
    press_button(page, "Confirm and continue")

    assert heading(page) == "Your recovery codes"
    assert_accessible(page)
    codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    press_button(page, "I have kept my recovery codes")
    assert heading(page) == "Manage the site"

    # Later: the password, then the app's code.
    page.context.clear_cookies()
    gives_password(page)
    assert heading(page) == "Enter your code"
    assert_accessible(page)
    page.get_by_label("Code").fill(current_code(new_staff))
    press_button(page, "Continue")
    assert heading(page) == "Manage the site"

    # Without the app: a recovery code, which then works no more.
    page.context.clear_cookies()
    gives_password(page)
    page.get_by_label("Code").fill(codes[0])
    press_button(page, "Continue")
    assert heading(page) == "Manage the site"

    page.context.clear_cookies()
    gives_password(page)
    page.get_by_label("Code").fill(codes[0])
    press_button(page, "Continue")
    assert heading(page) == "Enter your code"
    assert "That code is not right." in page.locator(".errornote").inner_text()
    assert_accessible(page)
    assert not [e for e in page.console_errors if "Content Security Policy" in e]
