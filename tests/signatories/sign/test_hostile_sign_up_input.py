"""Bad input never gives a 500: random and hostile values posted to every form.

Hypothesis posts random text, NUL bytes, very long strings, right-to-left
marks, emoji, HTML, SQL, spreadsheet formulas, missing and extra fields,
several values for one field and made-up choices to every form of the
sign-up journey, and sends the same to the public lists' search and filters.
Whatever arrives, the answer is a page (with errors, a redirect, or a 4xx),
never a server error, and a form that refuses its input writes nothing.

Run on PostgreSQL too: it refuses NUL bytes in text, where SQLite stores them.

Hypothesis runs many examples inside one test, and one database transaction:
rows made by one example are still there in the next, so each example compares
counts before and after rather than assuming an empty database.
"""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from localdigital.core.models import OutboundEmail
from signatories.models import (
    LinkPurpose,
    Nation,
    Organisation,
    OrganisationType,
    SignUp,
    SignUpState,
)
from signatories.services import (
    find_link,
    sign_up_approve,
    sign_up_confirm_email,
    sign_up_request_changes,
    sign_up_submit,
)
from signatories.sign.journey import SESSION_KEY
from tests.factories import OrganisationFactory, SignUpFactory, answers, moderator_user
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
from tests.signatories.sign.test_questions import ANSWERS

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int]:
    return SignUp.objects.count(), Organisation.objects.count()


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


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Testshire District Council", email_domains="testshire.gov.uk")


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


def test_resend_confirmation_answers_any_post_with_a_page_and_saves_nothing(
    organisation, django_capture_on_commit_callbacks
):
    sign_up = sign_up_submit(organisation=organisation, answers=answers())
    real_token = _token(sign_up, "/sign/confirm/")

    @hostile(25)
    @given(
        data=post_data(
            {
                "reference": st.one_of(
                    st.sampled_from([sign_up.reference, sign_up.reference.lower()]), hostile_text
                ),
                "email": st.one_of(st.just(sign_up.officer_email), hostile_emails),
                "token": st.one_of(st.just(real_token), hostile_text),
            }
        )
    )
    def check(data):
        client = fresh_client()
        before = counts()

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/sign/new-link/", data)

        assert_answered(response)
        assert counts() == before
        if response.status_code == 200 and b"We have sent a new link" not in response.content:
            assert has_errors(response)

    check()


def _token(sign_up: SignUp, prefix: str) -> str:
    """The token of the newest link of a kind emailed for a sign-up (from the outbox)."""
    email = OutboundEmail.objects.filter(reference=sign_up.reference, body__contains=prefix).latest(
        "pk"
    )
    return re.search(rf"{re.escape(prefix)}([^/\s]+)/", email.body)[1]


@pytest.fixture
def moderator():
    return moderator_user(email="moderator@example.gov.uk")


def _confirmed(sign_up: SignUp) -> SignUp:
    sign_up_confirm_email(
        link=find_link(token=_token(sign_up, "/sign/confirm/"), purpose=LinkPurpose.CONFIRM_EMAIL)
    )
    sign_up.refresh_from_db()
    return sign_up


def _new_sign_up() -> SignUp:
    organisation = OrganisationFactory()
    domain = organisation.domain_list[0]
    return sign_up_submit(
        organisation=organisation,
        answers=answers(officer_email=f"priya.shah@{domain}", approver_email=f"tom.evans@{domain}"),
    )


def test_confirm_button_answers_any_post_and_confirms_once():
    @hostile(15)
    @given(data=post_data({"confirm": hostile_text}), twice=st.booleans())
    def check(data, twice):
        sign_up = _new_sign_up()
        path = f"/sign/confirm/{_token(sign_up, '/sign/confirm/')}/"
        client = fresh_client()

        response = client.post(path, data)

        assert response.status_code == 302
        sign_up.refresh_from_db()
        assert sign_up.state == SignUpState.AWAITING_REVIEW
        if twice:
            assert client.post(path, data).status_code == 410

    check()


link_tokens = st.one_of(
    hostile_text.filter(lambda token: token.strip("/")),
    st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
        min_size=43,
        max_size=43,
    ),
)


@pytest.mark.parametrize("prefix", ["/sign/confirm/", "/sign/edit/", "/sign/approve/"])
def test_made_up_link_tokens_are_answered_with_a_page(prefix):
    @hostile(15)
    @given(token=link_tokens, data=post_data({"typed_name": hostile_names}))
    def check(token, data):
        client = fresh_client()
        path = f"{prefix}{quote(token, safe='')}/"
        before = counts()

        assert_answered(client.get(path))
        response = client.post(path, data)

        assert_answered(response)
        assert response.status_code != 200
        assert counts() == before

    check()


def test_edit_link_answers_any_request_with_a_page(moderator):
    sign_up = _new_sign_up()
    sign_up_request_changes(
        sign_up=_confirmed(sign_up), by=moderator, advice="Name a date in the title."
    )
    path = f"/sign/edit/{_token(sign_up, '/sign/edit/')}/"

    @hostile(15)
    @given(data=post_data({"title": hostile_text}))
    def check(data):
        client = fresh_client()

        # Posting is not how the link is used: it is refused, and changes nothing.
        assert client.post(path, data).status_code == 405
        response = client.get(path, {key: values for key, values in data.items()})

        assert response.status_code == 302
        assert response["Location"] == "/sign/check-answers/"
        sign_up.refresh_from_db()
        assert sign_up.state == SignUpState.CHANGES_REQUESTED

    check()


def test_approver_sign_page_answers_any_post_with_a_page(moderator):
    @hostile(15)
    @given(
        data=post_data(
            {
                "typed_name": st.one_of(
                    st.sampled_from(["Tom Evans", "  tom   EVANS ", "Tom\x00Evans"]), hostile_names
                )
            }
        )
    )
    def check(data):
        sign_up = _new_sign_up()
        sign_up_approve(sign_up=_confirmed(sign_up), by=moderator)
        path = f"/sign/approve/{_token(sign_up, '/sign/approve/')}/"
        client = fresh_client()

        response = client.post(path, data)

        assert_answered(response)
        sign_up.refresh_from_db()
        if response.status_code == 302:
            assert sign_up.state == SignUpState.SIGNED
            assert sign_up.signed_by_name.casefold() == "tom evans"
        else:
            assert response.status_code == 200
            assert has_errors(response)
            assert sign_up.state == SignUpState.AWAITING_SIGN_OFF

    check()


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


@pytest.mark.parametrize("path", PUBLIC_LISTS)
def test_a_nul_byte_in_a_search_is_ignored(path, signatories):
    response = Client().get(path, {"q": "Test\x00shire"})

    assert response.status_code == 200


def test_a_nul_byte_in_the_approvers_signature_is_refused_with_a_message(moderator):
    sign_up = _new_sign_up()
    sign_up_approve(sign_up=_confirmed(sign_up), by=moderator)
    path = f"/sign/approve/{_token(sign_up, '/sign/approve/')}/"

    response = Client().post(path, {"typed_name": "Tom\x00Evans"})

    assert response.status_code == 200
    assert has_errors(response)
    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.AWAITING_SIGN_OFF
