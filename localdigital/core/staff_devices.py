"""Staff members' second factors: an authenticator app (TOTP) and recovery codes.

django-otp keeps the devices and checks codes against them; this module is
what we decide on top: how a member of staff sets up their app (a new secret,
confirmed by a code before anything is saved), how many recovery codes they
get, how a typed code is tidied and which device it is tried against.
"""

import base64
import binascii
import math
import time
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user, user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"


def has_second_factor(user: AbstractBaseUser) -> bool:
    return user_has_device(user, confirmed=True)


def new_secret() -> str:
    """A new TOTP secret, as the hex django-otp stores."""
    return default_key()


def secret_for_people(secret_hex: str) -> str:
    """The secret in base32, in groups of four, as authenticator apps ask for it."""
    encoded = base64.b32encode(binascii.unhexlify(secret_hex)).decode("ascii").rstrip("=")
    return " ".join(encoded[i : i + 4] for i in range(0, len(encoded), 4))


def setup_address(user: AbstractBaseUser, secret_hex: str) -> str:
    """The otpauth:// address an app reads from the QR code (django-otp writes it)."""
    return TOTPDevice(user=user, key=secret_hex).config_url


def qr_code_image(address: str) -> str:
    """The QR code as a data: address for an <img> (which the Content Security
    Policy allows): an SVG drawn here, not fetched from anywhere, with a white
    background so that it reads in dark mode too."""
    image = qrcode.make(address, image_factory=qrcode.image.svg.SvgPathFillImage)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii")


def tidy(code: str) -> str:
    """What people type, as we compare it: no spaces or dashes, lower case."""
    return "".join(code.split()).replace("-", "").lower()


def _totp_accepts(secret_hex: str, code: str) -> int | None:
    """The time step at which the code is right for the secret (one step either
    side, for clocks a little out), or None."""
    if not code.isdigit():
        return None
    totp = TOTP(binascii.unhexlify(secret_hex))
    totp.time = time.time()
    if totp.verify(int(code), tolerance=1):
        return totp.t()
    return None


@dataclass(frozen=True)
class Enrolment:
    authenticator: TOTPDevice
    recovery_codes: list[str]


class AlreadyEnrolled(Exception):
    """The user set up a second factor in another tab meanwhile."""


def enrol(user: AbstractBaseUser, *, secret_hex: str, code: str) -> Enrolment | None:
    """Save the authenticator app and make recovery codes, if `code` proves the
    app has the secret; None if it does not (nothing is saved)."""
    step = _totp_accepts(secret_hex, tidy(code))
    if step is None:
        return None
    with transaction.atomic():
        # One enrolment per user: two tabs confirming at once must not give
        # the account two apps, one of them unknown to its owner.
        type(user).objects.select_for_update().filter(pk=user.pk).first()
        if has_second_factor(user):
            raise AlreadyEnrolled
        authenticator = TOTPDevice.objects.create(
            user=user, name=AUTHENTICATOR_NAME, key=secret_hex, confirmed=True, last_t=step
        )
        codes = replace_recovery_codes(user)
    return Enrolment(authenticator=authenticator, recovery_codes=codes)


def replace_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """A new set of recovery codes for `user`, in place of any they had."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def add_authenticator(user: AbstractBaseUser, *, secret_hex: str | None = None) -> TOTPDevice:
    """An authenticator app for `user` set up without the sign-in pages: for
    demo accounts, whose secret is printed for a developer's app, and tests."""
    return TOTPDevice.objects.create(
        user=user, name=AUTHENTICATOR_NAME, key=secret_hex or new_secret(), confirmed=True
    )


def authenticator(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def code_now(device: TOTPDevice) -> str:
    """The code `device`'s app shows now: for demo accounts (a developer with
    no app) and tests. If this step's code was used already, the next step's,
    which the device accepts a step early (a code works once)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


@dataclass(frozen=True)
class CodeCheck:
    device: object | None
    # Seconds to wait before another try, when too many wrong codes were typed.
    wait_seconds: int = 0


def check_code(user: AbstractBaseUser, code: str) -> CodeCheck:
    """Try `code` against the user's app, or as one of their recovery codes
    (which is then used up). django-otp slows guessing down: after each wrong
    code a device refuses every code for a while, doubling each time."""
    code = tidy(code)
    if not code:
        return CodeCheck(device=None)
    wait = 0
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            # Six digits are for the app; anything else may be a recovery code.
            if isinstance(device, TOTPDevice) != code.isdigit():
                continue
            allowed, details = device.verify_is_allowed()
            if not allowed:
                wait = max(wait, _seconds_left(details))
                continue
            if device.verify_token(code):
                return CodeCheck(device=device)
    return CodeCheck(device=None, wait_seconds=wait)


def _seconds_left(details: dict | None) -> int:
    locked_until = (details or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
