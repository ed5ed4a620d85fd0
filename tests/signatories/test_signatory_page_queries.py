"""The pages about signatories run the same number of queries whatever the
number of signatories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from declaration.models import Principle
from localdigital.core.lists import PAGE_SIZE
from signatories.models import OrganisationType
from tests.signatories.signatory_pages import signed

pytestmark = pytest.mark.django_db


QUERY_COUNTED_PAGES = [
    "/",
    "/signatories/",
    "/signatories/?type=county&region=South+East&sort=-signed&page=2",
    "/declaration-projects/",
    "/declaration-projects/?principle=fix-the-plumbing&page=3",
    "/declaration/fix-the-plumbing/",
    "/coverage/",
    "/signatories.csv",
    "/signatories.json",
    "/declaration-projects.csv",
    "/declaration-projects.json",
    "/signatories.atom",
    "/sitemap.xml",
]


def make_signatories(count: int, *, start: int = 0):
    principles = list(Principle.objects.all())
    for number in range(start, start + count):
        signed(
            f"Council {number:04d}",
            organisation_type=OrganisationType.COUNTY,
            region="South East",
            commitment={"principles": principles[: number % 5 + 1]},
        )


def queries_per_page(client) -> dict[str, int]:
    counts = {}
    for path in QUERY_COUNTED_PAGES:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries.captured_queries)
    return counts


def test_query_count_does_not_grow_with_the_number_of_signatories(client):
    make_signatories(3 * PAGE_SIZE)
    with_a_few = queries_per_page(client)

    make_signatories(300, start=3 * PAGE_SIZE)
    with_hundreds = queries_per_page(client)

    assert with_hundreds == with_a_few
