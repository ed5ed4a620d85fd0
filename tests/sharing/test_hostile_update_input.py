"""Bad input never gives a 500 on the pages of updates and following.

Random and hostile values (tests/hostile.py) are posted to the officers'
update form, the follow form and the manage page, and sent to /updates/ as
filters. Whatever arrives, the answer is a page, a redirect or a 4xx, and
nothing with a NUL byte reaches the database.
"""

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sharing.models import ProjectUpdate
from subscriptions.links import manage_url
from subscriptions.models import Subscription
from tests.hostile import (
    assert_answered,
    contains_nul,
    fresh_client,
    hostile,
    hostile_emails,
    hostile_ids,
    hostile_text,
    post_data,
)
from tests.sharing.projects import LEAD_OFFICER, funded_project, officer_client
from tests.subscriptions.followers import follow

pytestmark = pytest.mark.django_db

hostile_kinds = st.one_of(st.sampled_from(["sprint_note", "output", "blog_post"]), hostile_text)
hostile_frequencies = st.one_of(st.sampled_from(["each", "weekly"]), hostile_text)


@pytest.fixture
def project():
    return funded_project()


@hostile()
@given(
    data=post_data(
        {"kind": hostile_kinds, "title": hostile_text, "body": hostile_text, "links": hostile_text}
    )
)
def test_hostile_updates_are_answered_and_nothing_bad_is_saved(project, data):
    response = officer_client(LEAD_OFFICER).post(f"/updates/yours/{project.reference}/new/", data)

    assert_answered(response)
    for update in ProjectUpdate.objects.all():
        assert not contains_nul([update.title, update.body, update.links])
        assert "<script" not in update.body_html


@hostile()
@given(data=post_data({"email": hostile_emails, "frequency": hostile_frequencies}))
def test_hostile_follow_requests_are_answered(project, data):
    response = fresh_client().post(f"/updates/follow/project/{project.reference}/", data)

    assert_answered(response)
    assert not any(
        contains_nul(email)
        for email in Subscription.objects.values_list("subscriber__email", flat=True)
    )


@hostile()
@given(
    data=post_data(
        {"subscription": hostile_ids, "action": hostile_text, "frequency": hostile_frequencies}
    )
)
def test_hostile_changes_on_the_manage_page_are_answered(client, project, data):
    existing = Subscription.objects.select_related("subscriber").first()
    subscriber = existing.subscriber if existing else follow(client, email="manage@example.com")
    path = manage_url(subscriber).removeprefix("http://testserver")

    assert_answered(fresh_client().post(path, data))


@hostile()
@given(
    query=st.dictionaries(
        st.sampled_from(["council", "phase", "principle", "service_area", "page", "sort"]),
        hostile_text,
        max_size=4,
    ),
    token=hostile_text,
)
def test_hostile_filters_and_links_are_answered(project, query, token):
    client = fresh_client()

    assert_answered(client.get("/updates/", query))
    safe_token = quote(token, safe="") or "x"
    assert_answered(client.post(f"/subscriptions/one-click/{safe_token}/"))
    assert_answered(client.get(f"/subscriptions/manage/{safe_token}/"))
    assert_answered(client.post(f"/subscriptions/confirm/{safe_token}/"))
