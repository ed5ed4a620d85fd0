"""Bad input never gives a 500: random and hostile values posted to the pages
behind the sign-up's emailed links (confirm, edit, the approver's signature)
and to the form that sends a new link; made-up tokens are answered with a
page, and nothing is changed but by the real link.

Run on PostgreSQL too: it refuses NUL bytes in text, where SQLite stores them.
"""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from localdigital.core.models import OutboundEmail
from signatories.models import LinkPurpose, SignUp, SignUpState
from signatories.services import (
    find_link,
    sign_up_approve,
    sign_up_confirm_email,
    sign_up_request_changes,
    sign_up_submit,
)
from tests.factories import OrganisationFactory, answers, moderator_user
from tests.hostile import (
    assert_answered,
    fresh_client,
    has_errors,
    hostile,
    hostile_emails,
    hostile_names,
    hostile_text,
    post_data,
)
from tests.signatories.sign.hostile_sign_up import counts

pytestmark = pytest.mark.django_db


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


def test_a_nul_byte_in_the_approvers_signature_is_refused_with_a_message(moderator):
    sign_up = _new_sign_up()
    sign_up_approve(sign_up=_confirmed(sign_up), by=moderator)
    path = f"/sign/approve/{_token(sign_up, '/sign/approve/')}/"

    response = Client().post(path, {"typed_name": "Tom\x00Evans"})

    assert response.status_code == 200
    assert has_errors(response)
    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.AWAITING_SIGN_OFF
