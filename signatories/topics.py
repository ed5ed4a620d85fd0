"""The topics of email updates about new signatories, one a region
(subscriptions' keys `signatories:<region slug>`), and their labels."""

from django.utils.text import slugify

from signatories.models import Organisation

TOPIC_PREFIX = "signatories:"


def region_topic(region: str) -> str:
    return f"{TOPIC_PREFIX}{slugify(region)}"


def region_label(region: str) -> str:
    return f"new signatories in {region}"


def regions() -> list[str]:
    """The regions organisations are in, as the register names them."""
    return list(
        Organisation.objects.exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )
