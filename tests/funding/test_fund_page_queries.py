"""The fund's public pages run a fixed number of queries, whatever the amount
of data."""

import pytest

from funding.models import LinkKind, ProjectLink
from tests.funding.fund_pages import funded, future_round, not_funded, open_round, published_round

pytestmark = pytest.mark.django_db


def some_fund_data(size: int) -> dict:
    """`size` funded and `size` unfunded bids, each with its own councils and links."""
    round_6 = published_round(slug="round-6")
    open_round(slug="round-7")
    future_round(slug="round-8")
    bids = []
    for _ in range(size):
        bid = funded(round_6)
        ProjectLink.objects.create(bid=bid, kind=LinkKind.OUTPUT, title="Code", url="https://x.org")
        bids.append(bid)
        not_funded(round_6)
    return {"project": bids[0].reference}


QUERIES = {
    # the fund, its rounds, its totals (kept in a summary row, councils involved too)
    "/fund/": 3,
    "/fund/round-6/": 3,  # the round and its fund, its phases, its criteria
    # published rounds, principles, service areas, the count (from the summary rows
    # unless narrowed, then counted only so far), the page, partners, principles
    "/fund/bids/": 7,
    "/fund/bids/?outcome=funded&principle=embed-an-open-culture&phase=discovery&q=shared": 7,
    # the totals (a summary row, which gives the count too), the page, partners
    "/fund/projects/": 3,
    # the project with its round, lead and area; partners; principles; payments; links
    # (and its updates, added by sharing.project_page, which answers the address)
    "/fund/projects/{project}/": 6,
}


@pytest.mark.parametrize("path", QUERIES)
@pytest.mark.parametrize("size", [1, 4])
def test_public_fund_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, path, size
):
    references = some_fund_data(size)
    url = path.format(**references)

    with django_assert_num_queries(QUERIES[path]):
        response = client.get(url)

    assert response.status_code == 200
