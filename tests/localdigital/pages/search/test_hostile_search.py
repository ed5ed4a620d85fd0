"""Bad input never gives a 500: random and hostile searches sent to the search
page, and so to websearch_to_tsquery (run on PostgreSQL too: it refuses NUL
bytes in text, where SQLite stores them)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile import fresh_client, hostile, hostile_text, post_data

pytestmark = pytest.mark.django_db

# What websearch_to_tsquery reads as syntax, alone and mixed with words.
QUERY_SYNTAX = st.sampled_from(
    [
        '"',
        '""',
        "-",
        "--council",
        "or",
        "OR OR",
        "council or",
        '"unclosed',
        "!",
        "&|<->",
        ":*",
        "\\",
    ]
)
query_values = {
    "q": st.one_of(
        hostile_text,
        QUERY_SYNTAX,
        st.lists(st.one_of(QUERY_SYNTAX, st.just("garden")), max_size=6).map(" ".join),
    ),
}


def test_the_search_page_answers_any_search_with_a_page(search_content):
    @hostile(40)
    @given(params=post_data(query_values))
    def check(params):
        response = fresh_client().get("/search/", params)

        assert response.status_code == 200, response.status_code

    check()
