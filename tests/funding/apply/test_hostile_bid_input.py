"""Bad input never gives a 500 on the fund's pages either.

Random and hostile values (see tests/test_hostile_input.py for what they are)
are posted to the sign-in form and its links, the eligibility questions,
every section of a bid, check your answers and the assessors' forms, and
sent to the public lists as filters. Whatever arrives, the answer is a page,
a redirect or a 4xx; nothing with a NUL byte reaches the database (PostgreSQL
would refuse it), and a refused answer changes nothing it should not.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from funding.models import Bid, BidState, Phase, Section, SignInLink
from funding.officer_session import SESSION_KEY
from funding.services import bid_start_assessment, bid_submit
from tests.factories import BidFactory, RoundFactory, decided_bid, signed_council
from tests.hostile import (
    ALLOWED_STATUSES,
    contains_nul,
    fresh_client,
    hostile,
    hostile_emails,
    hostile_ids,
    hostile_text,
    post_data,
)
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

hostile_money = st.one_of(
    st.sampled_from(["£1,200", "1200.50", "-5", "0", "1e9", str(10**30), "£", "1 000", "٣٠٠"]),
    hostile_text,
)
hostile_answers = st.one_of(st.sampled_from(["yes", "no", "YES", "maybe"]), hostile_text)
hostile_actions = st.one_of(
    st.sampled_from(["add", "remove", "update", "save", "upload", "delete"]), hostile_text
)

# The fields of each section page, as its forms name them.
SECTION_FIELDS = {
    Section.PROJECT: {"title": hostile_text, "summary": hostile_text, "service_area": hostile_ids},
    Section.PROBLEM: {"problem": hostile_text, "users": hostile_text},
    Section.PARTNERS: {"action": hostile_actions, "partner": hostile_ids, "remove": hostile_ids},
    Section.BUDGET: {
        "action": hostile_actions,
        "phase": st.one_of(st.sampled_from(Phase.values), hostile_text),
        "amount": hostile_money,
        "cost_category": hostile_text,
        "cost_description": hostile_text,
        "cost_amount": hostile_money,
        "remove": hostile_ids,
    },
    Section.DELIVERY: {"delivery_plan": hostile_text, "team": hostile_text},
    Section.PRINCIPLES: {"principles": hostile_ids, "principles_how": hostile_text},
    Section.ATTACHMENTS: {"action": hostile_actions, "attachment": hostile_ids},
    Section.DECLARATIONS: {
        "open_licence": hostile_text,
        "sponsor_name": hostile_text,
        "sponsor_role": hostile_text,
        "sponsor_email": hostile_emails,
    },
}
BID_TEXT_FIELDS = [
    "title",
    "summary",
    "problem",
    "users",
    "delivery_plan",
    "team",
    "principles_how",
    "sponsor_name",
    "sponsor_role",
    "sponsor_email",
]


def assert_answered(response) -> None:
    assert response.status_code in ALLOWED_STATUSES, response.status_code


def officer_client(email: str) -> Client:
    client = fresh_client()
    session = client.session
    session[SESSION_KEY] = email
    session.save()
    return client


def with_completed_question(fields: dict) -> dict:
    return {**fields, "completed": hostile_answers}


@pytest.fixture
def draft():
    return BidFactory(title="", summary="", completed_sections=[])


@pytest.mark.parametrize("section", Section.values)
def test_section_pages_answer_any_post_with_a_page_and_store_no_nul_bytes(section, draft):
    fields = with_completed_question(SECTION_FIELDS[section])

    @hostile(20)
    @given(data=post_data(fields))
    def check(data):
        client = officer_client(draft.created_by_email)
        path = f"/fund/apply/bids/{draft.pk}/{section}/"

        assert_answered(client.post(path, data))

        bid = Bid.objects.get(pk=draft.pk)
        assert bid.state == BidState.DRAFT
        assert not contains_nul([getattr(bid, name) for name in BID_TEXT_FIELDS])
        assert not contains_nul(list(bid.cost_lines.values_list("description", flat=True)))
        assert_answered(client.get(path))

    check()


def test_made_up_sections_and_bids_are_not_found(draft):
    client = officer_client(draft.created_by_email)

    for path in [
        f"/fund/apply/bids/{draft.pk}/nothing/",
        f"/fund/apply/bids/{draft.pk}/%00/",
        f"/fund/apply/bids/{10**30}/project/",
        f"/fund/apply/bids/{draft.pk}/attachments/not-a-token/",
        f"/fund/apply/bids/{10**30}/check-your-answers/",
    ]:
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"title": "x"}).status_code in {404, 405}, path


def test_sign_in_answers_any_post_with_a_page_and_sends_at_most_one_link():
    @hostile(40)
    @given(data=post_data({"email": hostile_emails, "next": hostile_text}))
    def check(data):
        before = SignInLink.objects.count()

        response = fresh_client().post("/fund/apply/sign-in/", data)

        assert_answered(response)
        assert SignInLink.objects.count() - before in (0, 1)
        assert not contains_nul(list(SignInLink.objects.values_list("email", flat=True)))

    check()


@pytest.mark.parametrize("method", ["get", "post"])
def test_made_up_sign_in_links_are_answered_with_a_page(method):
    @hostile(30)
    @given(token=st.one_of(hostile_text, st.text(min_size=1, max_size=80)))
    def check(token):
        client = fresh_client()
        path = "/fund/apply/sign-in/" + quote(token, safe="") + "/"

        response = getattr(client, method)(path)

        assert_answered(response)
        assert SESSION_KEY not in client.session

    check()


def test_eligibility_questions_answer_any_post_with_a_page():
    round_ = RoundFactory()
    lead = signed_council()
    email = f"officer@{lead.domain_list[0]}"

    @hostile(25)
    @given(
        lead_answer=post_data({"lead": hostile_ids}),
        partners_answer=post_data({"partners_agreed": hostile_answers, "lead": hostile_ids}),
    )
    def check(lead_answer, partners_answer):
        client = officer_client(email)
        assert_answered(client.post(f"/fund/apply/{round_.slug}/eligibility/", lead_answer))
        assert_answered(
            client.post(f"/fund/apply/{round_.slug}/eligibility/partners/", partners_answer)
        )

        # A draft is made only for the officer's own council, if at all.
        assert not Bid.objects.exclude(lead=lead).exists()

    check()


def test_check_answers_and_withdraw_answer_any_post_with_a_page(
    draft, django_capture_on_commit_callbacks
):
    @hostile(15)
    @given(data=post_data({"reason": hostile_text, "confirm": hostile_answers}))
    def check(data):
        client = officer_client(draft.created_by_email)

        assert_answered(client.post(f"/fund/apply/bids/{draft.pk}/check-your-answers/", data))
        assert_answered(client.post(f"/fund/apply/bids/{draft.pk}/withdraw/", data))

    check()


PUBLIC_FUND_LISTS = ["/fund/bids/", "/fund/projects/", "/fund/partners/"]
list_values = {
    "q": hostile_text,
    "page": st.one_of(st.sampled_from(["1", "0", "-1", str(10**30), "1e3"]), hostile_ids),
    "round": hostile_text,
    "phase": st.one_of(st.sampled_from(Phase.values), hostile_text),
    "outcome": hostile_text,
    "principle": hostile_ids,
    "service_area": hostile_text,
    "sort": hostile_text,
    "organisation": hostile_text,
}


@pytest.mark.parametrize("path", PUBLIC_FUND_LISTS)
def test_public_fund_lists_answer_any_search_and_filters_with_a_page(path):
    bid = decided_bid()
    bid.round.results_published = True
    bid.round.save()

    @hostile(15)
    @given(params=post_data(list_values))
    def check(params):
        assert_answered(fresh_client().get(path, params))

    check()


def test_the_scoring_form_answers_any_post_with_a_page(django_capture_on_commit_callbacks):
    assessor = get_user_model().objects.create_user(
        "assessor", password="unused-pass-1234", is_staff=True
    )
    assessor.groups.add(Group.objects.get(name="Fund assessors"))
    bid = BidFactory()
    with django_capture_on_commit_callbacks(execute=True):
        bid_submit(bid=bid, email=bid.created_by_email)
    bid_start_assessment(bid=bid, by=assessor)
    criteria = list(bid.round.criteria.values_list("pk", flat=True))
    fields = {}
    for pk in criteria:
        fields[f"score_{pk}"] = st.one_of(st.sampled_from(["0", "4", "5", "-1"]), hostile_ids)
        fields[f"justification_{pk}"] = hostile_text

    @hostile(20)
    @given(data=post_data(fields))
    def check(data):
        client = Client()
        sign_in_staff(client, assessor)

        assert_answered(client.post(f"/admin/funding/bid/{bid.pk}/score/", data))
        assert not contains_nul(list(bid.scores.values_list("justification", flat=True)))
        assert all(
            bid.round.score_min <= score <= bid.round.score_max
            for score in bid.scores.values_list("score", flat=True)
        )

    check()
