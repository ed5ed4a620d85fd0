"""What every email the site sends has in common: who signs it, how it links
back to the site, and how a name fits a subject line."""

from django.conf import settings

SIGN_OFF = "Local Digital team\nMinistry of Housing, Communities and Local Government"


def site_link(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def subject_name(name: str) -> str:
    """An organisation's name, fit for a subject line.

    A name typed in at sign-up may be up to 255 characters, and a subject may
    be no longer than that, on one line: otherwise the outbox would refuse the
    message and the change that caused it would fail.
    """
    name = " ".join(name.split())
    return name if len(name) <= 120 else name[:119] + "…"
