"""The search box, as sent in the query string."""

from django import forms

from localdigital.core.forms import GovukForm
from localdigital.core.titles import SITE_SUFFIX, TITLE_MAX

MAX_LENGTH = 200
RESULTS_TITLE = "Search results for ‘{}’"


class SearchForm(GovukForm):
    q = forms.CharField(
        label="Search Local Digital",
        max_length=MAX_LENGTH,
        error_messages={
            "required": "Enter a word or phrase to search for",
            "max_length": f"Search for {MAX_LENGTH} characters or fewer",
        },
    )

    @classmethod
    def from_query_string(cls, params) -> "SearchForm":
        # PostgreSQL refuses a NUL byte in a query's text and no page has one:
        # dropped, as the lists' search boxes drop it.
        return cls({"q": params.get("q", "").replace("\x00", "")})


def results_title(q: str) -> str:
    """The page's title, with the words cut short if need be to fit TITLE_MAX with the suffix."""
    words = " ".join(q.split())
    room = TITLE_MAX - len(SITE_SUFFIX) - len(RESULTS_TITLE.format(""))
    if len(words) > room:
        words = words[: room - 1].rstrip() + "…"
    return RESULTS_TITLE.format(words)
