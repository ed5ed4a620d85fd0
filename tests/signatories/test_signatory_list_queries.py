"""The signatory lists run the same queries whether one organisation has signed
or twenty-one (a second page), with their counts from the summary rows; a
search past the counting limit says "more than" and lists the first ones."""

import pytest

from localdigital.core import lists
from tests.signatories.signatory_pages import signed, text

pytestmark = pytest.mark.django_db

QUERIES = {
    "/signatories/": 2,  # the summary rows (total, filters, count), the page
    "/signatories/?region=South+East&page=2": 2,
    "/signatories/?q=council": 3,  # and the search, counted as far as the limit
    # the principles with their counts, the service areas, the total, the page, its principles
    "/declaration-projects/": 5,
    "/declaration-projects/?principle=design-services-around-the-needs-of-people": 4,  # its count came with the principles
    "/declaration-projects/?q=council&service_area=licences-permits-and-permissions": 5,
}


@pytest.mark.parametrize("path", QUERIES)
@pytest.mark.parametrize("size", [1, 21])
def test_signatory_lists_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, path, size
):
    for number in range(size):
        signed(f"Testshire {number:02d} Council", region="South East")

    with django_assert_num_queries(QUERIES[path]):
        assert client.get(path).status_code == 200


def test_the_total_and_filtered_count_come_from_the_kept_counts(client):
    for number in range(3):
        signed(f"Southern {number} Council", region="South East")
    signed("Northern Council", region="North East")

    page = text(client.get("/signatories/", {"region": "North East"}))

    assert "4 organisations have signed" in page
    assert "1 organisation" in page and "Northern Council" in page


def test_a_search_counted_past_the_limit_says_more_than(client, monkeypatch):
    monkeypatch.setattr(lists, "MAX_COUNTED", 2)
    for number in range(3):
        signed(f"Testshire {number} Council")

    page = text(client.get("/signatories/", {"q": "Testshire"}))

    assert "More than 2 organisations" in page
    assert "The first 2 are listed" in page


def test_a_long_list_pages_only_as_far_as_the_limit(client, monkeypatch):
    monkeypatch.setattr(lists, "MAX_COUNTED", 40)
    for number in range(45):
        signed(f"Testshire {number:02d} Council")

    response = client.get("/signatories/")
    first = text(response)
    past_the_end = text(client.get("/signatories/", {"page": "3"}))

    assert "45 organisations" in first, "the count is the real one"
    assert "The first 40 are listed" in first
    assert "<title>Signatories (page 1 of 2)" in response.content.decode()
    assert "Showing 21 to 40" in past_the_end, "a page past the limit shows the last one"
