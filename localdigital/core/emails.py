"""What every email the site sends has in common: who signs it, and how a name
fits a subject line (links back to the site: localdigital.core.site_address)."""

SIGN_OFF = "Local Digital team\nMinistry of Housing, Communities and Local Government"


def subject_name(name: str) -> str:
    """An organisation's name, fit for a subject line.

    A name typed in at sign-up may be up to 255 characters, and a subject may
    be no longer than that, on one line: otherwise the outbox would refuse the
    message and the change that caused it would fail.
    """
    name = " ".join(name.split())
    return name if len(name) <= 120 else name[:119] + "…"
