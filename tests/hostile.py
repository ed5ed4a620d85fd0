"""Hostile input for the tests that post random and hostile values to every
form and list (Hypothesis strategies), and the checks they share: whatever
arrives, the answer is a page, never a server error."""

from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# What a refused or odd request may get: never 5xx.
ALLOWED_STATUSES = {200, 302, 400, 404, 405, 409, 410, 429}


def hostile(examples: int = 30):
    """Hypothesis settings for one form: enough examples to find trouble, few
    enough that the whole file runs in about a minute."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# Values people (or their tools) have been known to send. HTTP cannot carry a
# lone surrogate, so every value here is valid Unicode.
NASTY_STRINGS = [
    "\x00",
    "Priya\x00Shah",
    "\x00" * 40,
    "\u202eRTL override\u202c",
    "\u200f\u200e\u200b\ufeff",
    "مجلس المدينة",
    "👩🏽‍💻🏛️🇬🇧",
    "e\u0301\u0301\u0301",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}{% debug %}",
    "' OR '1'='1",
    "1; DROP TABLE signatories_signup; --",
    "%_\\",
    '=HYPERLINK("https://evil.example","click")',
    "+SUM(1,1)",
    "-2+3",
    "@SUM(A1)",
    str(10**30),
    str(-(10**30)),
    "-1",
    "0",
    "1.5",
    "1e9",
    "NaN",
    "null",
    "[]",
    "{}",
    "",
    " ",
    "\t\r\n",
    "a\r\nBcc: someone@example.com",
    "../../etc/passwd",
    "%00",
]

_unicode = st.characters(exclude_categories=["Cs"])  # no lone surrogates
_very_long = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["a", "é", "😀", "\x00", "<b>", " ", "\u202e", "1"]),
    st.integers(min_value=10_000, max_value=12_000),
)
hostile_text = st.one_of(
    st.sampled_from(NASTY_STRINGS),
    st.text(alphabet=_unicode, max_size=60),
    st.builds(
        lambda a, b: a + b, st.sampled_from(NASTY_STRINGS), st.text(alphabet=_unicode, max_size=20)
    ),
    _very_long,
)
# Made-up choices: unknown, negative, huge and not numbers at all.
hostile_ids = st.one_of(
    st.integers(min_value=-10, max_value=20).map(str),
    st.sampled_from([str(10**30), str(-(10**30)), "1.0", "one", "0x1", "١", " 1 ", "1,2"]),
    hostile_text,
)
hostile_emails = st.one_of(
    hostile_text,
    st.emails().filter(lambda email: len(email) < 300),
    st.sampled_from(
        [
            "priya.shah@testshire.gov.uk",
            "  PRIYA.SHAH@TESTSHIRE.GOV.UK ",
            "priya+sign@testshire.gov.uk",
            "zoë@bücher.example",
            "a\x00@testshire.gov.uk",
            "<script>@testshire.gov.uk",
            '"quoted name"@testshire.gov.uk',
            "a" * 64 + "@testshire.gov.uk",
            "a" * 300 + "@testshire.gov.uk",
            "x@localhost",
            "a@b.gov.uk\r\nBcc: someone@example.com",
            "=cmd|' /C calc'!A0@x.gov.uk",
        ]
    ),
)
hostile_names = st.one_of(
    hostile_text,
    st.sampled_from(["Priya Shah", "  Zoë   O’Neill-Smith ", "محمد علي", "李小龙", "Tom Evans"]),
)


def several(values: st.SearchStrategy) -> st.SearchStrategy[list[str]]:
    """No value, one value or several values for one field, as a form post can carry."""
    return st.lists(values, min_size=0, max_size=3)


def post_data(fields: dict[str, st.SearchStrategy]) -> st.SearchStrategy[dict[str, list[str]]]:
    """A form post: each field missing, once or repeated, and some fields nobody asked for."""
    known = st.fixed_dictionaries({name: several(values) for name, values in fields.items()})
    extra = st.dictionaries(
        st.text(alphabet=_unicode, min_size=1, max_size=20).filter(lambda key: key not in fields),
        st.lists(hostile_text, min_size=1, max_size=2),
        max_size=3,
    )
    return st.builds(lambda a, b: {**b, **a}, known, extra).map(
        lambda data: {key: values for key, values in data.items() if values}
    )


def fresh_client() -> Client:
    # Rate limits count posts in the cache; each example starts a new visitor.
    cache.clear()
    return Client()


def has_errors(response) -> bool:
    return b'class="govuk-error-summary"' in response.content


def contains_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(contains_nul(v) for v in value)
    return False


def assert_answered(response) -> None:
    assert response.status_code in ALLOWED_STATUSES, response.status_code
