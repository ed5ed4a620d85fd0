"""Bad input never gives a 500: random and hostile searches and filters sent
to the public lists of signatories and their projects, and to their open data.

Run on PostgreSQL too: it refuses NUL bytes in text, where SQLite stores them.
"""

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from signatories.models import Nation, OrganisationType, SignUpState
from tests.factories import SignUpFactory
from tests.hostile import fresh_client, hostile, hostile_ids, hostile_text, post_data

pytestmark = pytest.mark.django_db


PUBLIC_LISTS = [
    "/signatories/",
    "/declaration-projects/",
    "/signatories.csv",
    "/signatories.json",
    "/declaration-projects.csv",
    "/declaration-projects.json",
    "/coverage/",
    "/sign/organisation/",
]


@pytest.fixture
def signatories():
    """Signed sign-ups across regions, so that every filter has something to filter."""
    for region, nation in [("South East", Nation.ENGLAND), ("", Nation.WALES), ("London", "")]:
        SignUpFactory(
            state=SignUpState.SIGNED, organisation__region=region, organisation__nation=nation
        )


query_values = {
    "q": st.one_of(hostile_text, st.just("Testshire")),
    "sort": st.one_of(st.sampled_from(["name", "-signed", "signed", "-name", "pk"]), hostile_text),
    "page": st.one_of(
        st.sampled_from(["1", "2", "0", "-1", "last", str(10**30), "1" * 5000, "1e3"]),
        hostile_ids,
    ),
    "type": st.one_of(st.sampled_from(OrganisationType.values), hostile_text),
    "nation": st.one_of(st.sampled_from(Nation.values), hostile_text),
    "region": st.one_of(st.sampled_from(["South East", "London", "south east"]), hostile_text),
    "principle": st.one_of(st.sampled_from(["1", "fix-the-plumbing"]), hostile_text),
    "service_area": st.one_of(st.sampled_from(["licences-permits-and-permissions"]), hostile_text),
}


@pytest.mark.parametrize("path", PUBLIC_LISTS)
def test_public_lists_answer_any_search_and_filters_with_a_page(path, signatories):
    @hostile(15)
    @given(params=post_data(query_values))
    def check(params):
        response = fresh_client().get(path, params)

        assert response.status_code == 200, response.status_code

    check()


@pytest.mark.parametrize("path", PUBLIC_LISTS)
def test_a_nul_byte_in_a_search_is_ignored(path, signatories):
    response = Client().get(path, {"q": "Test\x00shire"})

    assert response.status_code == 200
