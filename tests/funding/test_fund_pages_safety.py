"""What the fund's public pages never do, whatever is asked: show an email
address from a bid, change anything, or fail on odd input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from funding.models import BidState, Phase
from funding.views import BID_SORTS
from tests.factories import signed_council
from tests.funding.fund_pages import funded, published_round
from tests.hostile import fresh_client, hostile, hostile_text, post_data

pytestmark = pytest.mark.django_db


def test_no_email_address_of_a_bid_appears_on_public_pages(client):
    bid = funded(
        published_round(slug="round-6"),
        sponsor_email="sponsor.zq7@secret-domain-x9.example",
        created_by_email="officer.zq7@secret-domain-x9.example",
    )

    for path in (
        "/fund/",
        "/fund/round-6/",
        "/fund/bids/",
        "/fund/projects/",
        f"/fund/projects/{bid.reference}/",
        "/fund/bids.csv",
        "/fund/bids.json",
        "/fund/projects.csv",
        "/fund/projects.json",
    ):
        assert "secret-domain-x9" not in client.get(path).getvalue().decode(), path


def test_fund_pages_refuse_methods_that_change_things(client):
    response = client.post("/fund/bids/")

    assert response.status_code == 405


# Bad input never gives a 500


FUND_QUERY_VALUES = {
    "q": st.one_of(hostile_text, st.just("Shared")),
    "sort": st.one_of(st.sampled_from([*BID_SORTS, "amount", "pk"]), hostile_text),
    "page": st.one_of(st.sampled_from(["1", "2", "0", "-1", "last", str(10**30)]), hostile_text),
    "round": st.one_of(st.just("round-6"), hostile_text),
    "phase": st.one_of(st.sampled_from(Phase.values), hostile_text),
    "outcome": st.one_of(st.sampled_from(BidState.values), hostile_text),
    "principle": st.one_of(st.just("fix-the-plumbing"), hostile_text),
    "service_area": st.one_of(st.just("licences-permits-and-permissions"), hostile_text),
    "organisation": st.one_of(st.just("partner-council"), hostile_text),
}


@pytest.mark.parametrize(
    "path", ["/fund/", "/fund/bids/", "/fund/projects/", "/fund/partners/", "/fund/bids.csv"]
)
def test_fund_pages_answer_any_query_string_with_a_page(path):
    funded(published_round(slug="round-6"))
    signed_council(name="Partner Council")

    @hostile(15)
    @given(params=post_data(FUND_QUERY_VALUES))
    def check(params):
        assert fresh_client().get(path, params).status_code == 200

    check()


@pytest.mark.parametrize(
    "segment",
    ["%00", "R6-0001%00", "%E2%80%AE", "..%2F..", "a" * 300, "R6-0001'--", "%F0%9F%98%80"],
)
@pytest.mark.parametrize("prefix", ["/fund/", "/fund/projects/"])
def test_made_up_rounds_and_projects_are_not_found(client, prefix, segment):
    assert client.get(f"{prefix}{segment}/").status_code == 404
