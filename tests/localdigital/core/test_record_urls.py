"""Records' addresses built from their pattern's text are the ones reverse() gives."""

from django.urls import reverse

from localdigital.core.jinja2 import url
from localdigital.core.record_urls import record_url


def test_a_plain_key_gives_the_address_reverse_gives():
    assert record_url("signatories:detail", "slug", "kent-county-council") == reverse(
        "signatories:detail", kwargs={"slug": "kent-county-council"}
    )
    assert record_url("fund:project", "reference", "LDF1-0007") == "/fund/projects/LDF1-0007/"


def test_templates_fixed_addresses_are_the_ones_reverse_gives():
    assert url("fund:bids") == reverse("fund:bids")
    assert url("signatories:detail", slug="kent") == reverse("signatories:detail", args=["kent"])
