"""Searching signatories by name is served by an index the planner can measure
(signatories migration 0006), and still finds any part of a name, in any case,
listed by name."""

import re

import pytest
from django.db import connection

from tests.signatories.signatory_pages import signed

pytestmark = pytest.mark.django_db


def test_the_searched_name_has_a_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'organisation_name_trgm_idx'"
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition
    assert "upper((name)::text) gin_trgm_ops" in definition


def test_a_search_finds_part_of_a_name_in_any_case_in_name_order(client):
    for name in ("Leeds City Council", "Bristol City Council", "Kent County Council", "Cityside"):
        signed(name)

    page = client.get("/signatories/", {"q": "CITY coun"}).content.decode()

    listed = re.findall(r'href="/signatories/([a-z-]+)/"', page)
    assert [slug for slug in listed if "city" in slug] == [
        "bristol-city-council",
        "leeds-city-council",
    ]
    assert "kent-county-council" not in listed
