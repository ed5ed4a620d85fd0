"""The pages of project updates run a fixed number of queries, whatever the
number of updates and projects."""

import pytest

from tests.factories import RoundFactory, decided_bid, signed_council
from tests.sharing.projects import post_update

pytestmark = pytest.mark.django_db


def some_updates(size: int) -> dict:
    """`size` funded projects, each with its own councils and `size` updates."""
    round_ = RoundFactory(results_published=True)
    bids = [decided_bid(round=round_, lead=signed_council()) for _ in range(size)]
    updates = [post_update(bid, title=f"Sprint {n}") for bid in bids for n in range(size)]
    return {"project": bids[0].reference, "update": updates[0].pk, "council": bids[0].lead.slug}


QUERIES = {
    # principles, service areas, councils with projects, the count, the page
    "/updates/": 5,
    "/updates/?council={council}&phase=discovery&principle=embed-an-open-culture": 5,
    # the update with its project, lead and round; its documents
    "/updates/{update}/": 2,
    # the fund's five (project, partners, principles, payments, links), then its updates
    "/fund/projects/{project}/": 6,
    "/updates.atom": 1,
    # the project, its updates
    "/fund/projects/{project}/updates.atom": 2,
    # the newest change, the page of addresses
    "/sitemap-project-updates.xml": 2,
}


@pytest.mark.parametrize("path", QUERIES)
@pytest.mark.parametrize("size", [1, 3])
def test_update_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, path, size):
    url = path.format(**some_updates(size))

    with django_assert_num_queries(QUERIES[path]):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/updates.csv", "/updates.json"])
@pytest.mark.parametrize("size", [1, 3])
def test_update_open_data_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, path, size
):
    some_updates(size)

    # The same few whatever the number of rows (read a chunk at a time); JSON counts them first.
    with django_assert_num_queries(3 if path.endswith("json") else 2):
        b"".join(client.get(path).streaming_content)
