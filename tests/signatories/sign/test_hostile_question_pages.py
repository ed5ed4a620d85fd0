"""Bad input never gives a 500: random and hostile values posted to every
question page of the sign-up journey and to its check-answers page.

Hypothesis posts random text, NUL bytes, very long strings, right-to-left
marks, emoji, HTML, SQL, spreadsheet formulas, missing and extra fields,
several values for one field and made-up choices. Whatever arrives, the
answer is a page (with errors, a redirect, or a 4xx), never a server error,
and a form that refuses its input writes nothing.

Run on PostgreSQL too: it refuses NUL bytes in text, where SQLite stores them.
"""

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from signatories.models import Organisation, OrganisationType, SignUp
from signatories.sign.journey import SESSION_KEY
from tests.factories import OrganisationFactory
from tests.hostile import (
    assert_answered,
    contains_nul,
    fresh_client,
    has_errors,
    hostile,
    hostile_emails,
    hostile_ids,
    hostile_names,
    hostile_text,
    post_data,
)
from tests.signatories.sign.hostile_sign_up import counts
from tests.signatories.sign.sign_up_journey import ANSWERS

pytestmark = pytest.mark.django_db


def journey_answers(client: Client) -> dict:
    return client.session.get(SESSION_KEY, {})


# The question pages of the sign-up journey, each with values for its fields.
def question_pages(organisation_id: int) -> dict[str, dict[str, st.SearchStrategy]]:
    return {
        "/sign/organisation/": {
            "organisation": st.one_of(
                st.just(str(organisation_id)), st.just("not-listed"), hostile_ids
            ),
            "q": hostile_text,
        },
        "/sign/organisation/not-listed/": {
            "name": hostile_names,
            "organisation_type": st.one_of(st.sampled_from(OrganisationType.values), hostile_ids),
        },
        "/sign/your-details/": {
            "officer_name": hostile_names,
            "officer_job_title": hostile_names,
            "officer_email": hostile_emails,
        },
        "/sign/senior-approver/": {
            "approver_name": hostile_names,
            "approver_role": hostile_names,
            "approver_email": hostile_emails,
        },
        "/sign/project/": {
            "title": hostile_text,
            "partners": hostile_text,
            "mission": hostile_text,
            "impact": hostile_text,
        },
        "/sign/principles/": {"principles": hostile_ids},
        "/sign/service-area/": {
            "service_area": st.one_of(
                st.sampled_from(
                    ["licences-permits-and-permissions", "LICENCES-PERMITS-AND-PERMISSIONS"]
                ),
                hostile_ids,
            )
        },
        "/sign/authority/": {
            "has_authority": st.one_of(
                st.sampled_from(["yes", "on", "true", "1", "false", "False", "0", "no"]),
                hostile_text,
            )
        },
    }


QUESTION_PATHS = list(question_pages(0))


@pytest.mark.parametrize("path", QUESTION_PATHS)
def test_question_pages_answer_any_post_with_a_page_and_keep_no_nul_bytes(path, organisation):
    fields = question_pages(organisation.pk)[path]

    @hostile(25)
    @given(data=post_data(fields), with_officer=st.booleans())
    def check(data, with_officer):
        client = fresh_client()
        if with_officer:
            # The approver page compares with the officer's address from the session.
            client.post("/sign/your-details/", ANSWERS["/sign/your-details/"])
        before = counts()

        response = client.post(path, data)

        assert_answered(response)
        # Question pages keep answers in the session: nothing reaches the database yet.
        assert counts() == before
        if response.status_code == 200:
            assert has_errors(response), "a refused answer must say why"
        # What is kept is sent to the database later: it must be free of NUL bytes.
        assert not contains_nul(journey_answers(client))
        assert_answered(client.get(path))

    check()


def _answer_page(client: Client, path: str, data: dict, fallback: dict) -> None:
    """Post hostile answers to a page; if refused, the valid ones, so the journey goes on."""
    response = client.post(path, data)
    assert_answered(response)
    if response.status_code != 302 or "website" in data:
        response = client.post(path, fallback)
        assert response.status_code == 302, (path, fallback)


def _without_honeypot(fields):
    return post_data(fields).map(lambda data: {k: v for k, v in data.items() if k != "website"})


@pytest.mark.parametrize("new_organisation", [True, False], ids=["typed-in", "from-list"])
def test_answers_that_pass_every_page_are_sent_and_saved_whole(
    new_organisation, django_capture_on_commit_callbacks
):
    """Odd but valid answers (emoji, HTML, right-to-left text, 5000 characters)
    go all the way to the database and into the emails."""
    pages = question_pages(0)

    @hostile(12)
    @given(
        organisation=_without_honeypot(pages["/sign/organisation/not-listed/"]),
        questions=st.fixed_dictionaries({path: _without_honeypot(pages[path]) for path in ANSWERS}),
        extra=post_data({"confirm": hostile_text}).map(
            lambda data: {k: v for k, v in data.items() if k != "website"}
        ),
    )
    def check(organisation, questions, extra):
        client = fresh_client()
        if new_organisation:
            fallback = {
                "name": f"Hostile Input Council {Organisation.objects.count()}",
                "organisation_type": OrganisationType.NON_METROPOLITAN_DISTRICT,
            }
            _answer_page(client, "/sign/organisation/not-listed/", organisation, fallback)
        else:
            chosen = OrganisationFactory()
            response = client.post("/sign/organisation/", {"organisation": chosen.pk})
            assert response.status_code == 302
        for path, values in ANSWERS.items():
            _answer_page(client, path, questions[path], values)
        assert client.get("/sign/check-answers/").status_code == 200
        before_sign_ups, before_organisations = counts()

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/sign/check-answers/", extra)

        assert response.status_code == 302, response.content[:2000]
        assert response["Location"] == "/sign/confirmation/"
        assert counts() == (before_sign_ups + 1, before_organisations + new_organisation)
        sign_up = SignUp.objects.latest("pk")
        assert not contains_nul(
            [sign_up.officer_name, sign_up.approver_name, sign_up.commitment.mission]
        )
        assert client.get("/sign/confirmation/").status_code == 200

    check()


@pytest.mark.parametrize("honeypot", [False, True], ids=["form", "honeypot"])
def test_check_answers_answers_any_post_without_a_journey_with_a_page(honeypot):
    fields = {"website": hostile_text} if honeypot else {}

    @hostile(20)
    @given(data=post_data(fields))
    def check(data):
        client = fresh_client()
        before = counts()

        response = client.post("/sign/check-answers/", data)

        assert_answered(response)
        assert counts() == before

    check()


@pytest.mark.parametrize("path", ["/sign/your-details/", "/sign/check-answers/", "/signatories/"])
@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
def test_methods_no_form_uses_are_refused_not_failed(client, path, method):
    response = getattr(client, method)(path, "website=x&name=%00")

    assert response.status_code == 405


# Every text a form keeps, with the page it is asked on and the answers beside it.
NUL_FIELDS = [
    (path, field, values)
    for path, values in ANSWERS.items()
    for field in values
    # Principles are numbers and authority a yes: neither is kept as text.
    if path not in {"/sign/principles/", "/sign/authority/"}
] + [
    (
        "/sign/organisation/not-listed/",
        "name",
        {"name": "Testshire", "organisation_type": "county"},
    ),
    ("/sign/new-link/", "reference", {"reference": "LDD-ABCD2345", "email": "a@b.gov.uk"}),
    ("/sign/new-link/", "email", {"reference": "LDD-ABCD2345", "email": "a@b.gov.uk"}),
]


@pytest.mark.parametrize(("path", "field", "values"), NUL_FIELDS)
def test_a_nul_byte_in_any_answer_is_refused_with_a_message(client, path, field, values):
    # PostgreSQL cannot store a NUL byte in text: it must be refused before it gets there.
    response = client.post(path, {**values, field: "Priya\x00Shah"})

    assert response.status_code == 200
    assert has_errors(response)
    assert not contains_nul(journey_answers(client))
