"""Staff in tests sign in as staff really do: with a second factor.

`sign_in_staff(client, user)` stands where `client.force_login(user)` would:
it gives the user an authenticator app if they have none, signs the test
client in and marks its session as proved by that app and just started,
the way the sign-in pages leave it (localdigital.core.staff_sign_in).
Browser tests type a real code instead: `current_code(user)`.
"""

import django_otp
from django.contrib.auth.backends import ModelBackend
from django_otp.plugins.otp_totp.models import TOTPDevice

from localdigital.core import staff_devices, staff_sessions

MODEL_BACKEND = f"{ModelBackend.__module__}.{ModelBackend.__qualname__}"


def authenticator_of(user) -> TOTPDevice:
    return staff_devices.authenticator(user) or staff_devices.add_authenticator(user)


def sign_in_staff(client, user) -> None:
    device = authenticator_of(user)
    client.force_login(user, backend=MODEL_BACKEND)
    session = client.session
    session[django_otp.DEVICE_ID_SESSION_KEY] = device.persistent_id
    staff_sessions.start(session)
    session.save()


def current_code(user) -> str:
    """The code the user's app shows now, as a person would read it."""
    return staff_devices.code_now(authenticator_of(user))
