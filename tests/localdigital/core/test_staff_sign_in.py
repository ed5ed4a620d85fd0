"""Staff sign in to the admin with their password and then a code."""

import base64
import datetime
import re
from html import unescape

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from localdigital.core.staff_devices import replace_recovery_codes
from tests.staff import authenticator_of, current_code, sign_in_staff

pytestmark = pytest.mark.django_db

PASSWORD = "a long staff passphrase"
LOGIN = "/admin/login/"
CODE = "/admin/login/code/"
SET_UP = "/admin/login/set-up/"
RECOVERY = "/admin/login/recovery-codes/"


def text(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("jo", password=PASSWORD, is_staff=True)


def give_password(client, username="jo", password=PASSWORD, next_=None):
    data = {"username": username, "password": password}
    if next_:
        data["next"] = next_
    return client.post(LOGIN, data)


def secret_on_page(response) -> str:
    return re.search(r'id="secret-key">([A-Z2-7 ]+)<', response.content.decode()).group(1)


def code_for(secret_base32: str) -> str:
    """What an authenticator app given the key shows now."""
    key = secret_base32.replace(" ", "")
    return f"{totp(base64.b32decode(key + '=' * (-len(key) % 8))):06d}"


def test_a_password_alone_does_not_sign_staff_in(client, staff):
    authenticator_of(staff)

    response = give_password(client)

    assert response.status_code == 302
    assert response["Location"] == CODE
    # Not signed in yet: the admin still sends them to sign in.
    assert client.get("/admin/")["Location"].startswith(LOGIN)
    page = client.get(CODE)
    assert "Enter your code" in text(page)


def test_the_code_from_the_app_signs_them_in(client, staff):
    authenticator_of(staff)
    give_password(client)

    response = client.post(CODE, {"code": current_code(staff)})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert "Manage the site" in text(client.get("/admin/"))


def test_they_are_taken_on_to_the_page_they_asked_for(client, staff):
    authenticator_of(staff)
    give_password(client, next_="/admin/auth/user/")

    response = client.post(CODE, {"code": current_code(staff)})

    assert response["Location"] == "/admin/auth/user/"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the code from your authenticator app"),
        ("000000", "That code is not right."),
        ("not-a-code", "That code is not right."),
        ("1" * 65, "Enter the 6-digit code from your authenticator app"),
    ],
)
def test_a_wrong_or_missing_code_is_refused_clearly(client, staff, code, message):
    authenticator_of(staff)
    give_password(client)

    response = client.post(CODE, {"code": code})

    assert response.status_code == 200
    assert message in text(response)
    assert 'aria-invalid="true"' in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(LOGIN)


def test_guessing_codes_is_slowed_down(client, staff):
    authenticator_of(staff)
    give_password(client)
    client.post(CODE, {"code": "000000"})

    # Even the right code waits until the pause after a wrong one is over.
    response = client.post(CODE, {"code": current_code(staff)})

    assert "Too many wrong codes. Wait 1 second" in text(response)


def test_a_recovery_code_works_once(client, staff):
    authenticator_of(staff)
    token = replace_recovery_codes(staff)[0]
    give_password(client)

    response = client.post(CODE, {"code": token.upper()})

    assert response["Location"] == "/admin/"
    assert not StaticToken.objects.filter(token=token).exists()
    client.post("/admin/logout/")
    give_password(client)
    assert "That code is not right." in text(client.post(CODE, {"code": token}))


def test_the_code_page_is_only_for_someone_who_gave_a_password(client, staff):
    authenticator_of(staff)

    assert client.get(CODE)["Location"] == LOGIN
    assert client.post(CODE, {"code": current_code(staff)})["Location"] == LOGIN


def test_a_wrong_password_goes_no_further(client, staff):
    response = give_password(client, password="wrong password here")

    assert response.status_code == 200
    assert "Please enter the correct username and password" in text(response)
    assert client.get(CODE)["Location"] == LOGIN
    assert client.get(SET_UP)["Location"] == LOGIN


def test_first_sign_in_sets_up_the_app_and_shows_recovery_codes_once(client, staff):
    response = give_password(client)
    assert response["Location"] == SET_UP

    page = client.get(SET_UP)
    html = page.content.decode()
    assert "Set up your authenticator app" in text(page)
    assert '<img src="data:image/svg+xml;base64,' in html  # the QR code, drawn here
    secret = secret_on_page(page)
    # The same secret until it is confirmed, however often the page is loaded.
    assert secret_on_page(client.get(SET_UP)) == secret
    assert not TOTPDevice.objects.filter(user=staff).exists()

    wrong = client.post(SET_UP, {"code": "123456" if code_for(secret) != "123456" else "654321"})
    assert "That code is not right." in text(wrong)
    assert not TOTPDevice.objects.filter(user=staff).exists()

    response = client.post(SET_UP, {"code": code_for(secret)})
    assert response["Location"] == RECOVERY
    device = TOTPDevice.objects.get(user=staff)
    assert device.confirmed

    codes_page = client.get(RECOVERY)
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)
    )
    assert "they will not be shown again" in text(codes_page)

    assert client.post(RECOVERY)["Location"] == "/admin/"
    assert "Manage the site" in text(client.get("/admin/"))
    # Shown once: the page now has nothing to show.
    assert client.get(RECOVERY)["Location"] == "/admin/"


def test_someone_with_the_password_cannot_set_up_a_second_app(client, staff):
    authenticator_of(staff)
    give_password(client)

    assert client.get(SET_UP)["Location"] == CODE
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_a_session_signed_in_without_a_second_factor_is_refused(client, staff):
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_the_test_helper_signs_in_as_the_pages_do(client, staff):
    sign_in_staff(client, staff)

    assert "Manage the site" in text(client.get("/admin/"))


def test_people_who_are_not_staff_get_no_further_than_the_password(client):
    get_user_model().objects.create_user("pat", password=PASSWORD)

    response = give_password(client, username="pat")

    assert response.status_code == 200
    assert "Please enter the correct username and password for a staff account" in text(response)


def test_a_password_waits_ten_minutes_for_its_code(client, staff):
    authenticator_of(staff)
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC)) as traveller:
        give_password(client)
        traveller.shift(datetime.timedelta(minutes=11))

        response = client.post(CODE, {"code": current_code(staff)})

    assert response["Location"] == LOGIN
    assert client.get("/admin/")["Location"].startswith(LOGIN)


def test_the_first_account_made_with_createsuperuser_enrols_on_first_sign_in(client, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command(
        "createsuperuser", interactive=False, username="first", email="first@example.gov.uk"
    )

    response = give_password(client, username="first")

    assert response["Location"] == SET_UP
    assert "Set up your authenticator app" in text(client.get(SET_UP))
