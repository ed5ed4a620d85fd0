"""When an organisation signs, the followers of new signatories in its
region hear of it through the subscriptions' announcements: at once if they
chose each update, in the weekly digest if they chose that."""

import pytest
from django.core import mail

from signatories import services
from signatories.models import LinkPurpose, SignUpState
from subscriptions import services as subscription_services
from tests.factories import OrganisationFactory, SignUpFactory, moderator_user
from tests.signatories.services.emailed_links import link_in
from tests.subscriptions.followers import follow

pytestmark = pytest.mark.django_db


def _sign(organisation, capture):
    sign_up = SignUpFactory(state=SignUpState.AWAITING_REVIEW, organisation=organisation)
    with capture(execute=True):
        services.sign_up_approve(sign_up=sign_up, by=moderator_user("mod"))
    _, link = link_in(mail.outbox[-1], LinkPurpose.SIGN)
    mail.outbox.clear()
    with capture(execute=True):
        services.sign_up_sign(link=link, typed_name="Tom Evans")


def test_each_update_followers_of_the_region_hear_at_once(
    client, django_capture_on_commit_callbacks
):
    follow(client, topic="signatories:south-west", label="new signatories in South West")
    follow(client, topic="signatories:london", label="London", email="london@example.com")
    organisation = OrganisationFactory(name="Kernow Council", region="South West")

    _sign(organisation, django_capture_on_commit_callbacks)

    [news] = [email for email in mail.outbox if email.to[0].endswith("@example.com")]
    assert news.to == ["reader@example.com"]
    assert news.subject == "Kernow Council has signed the Local Digital Declaration"
    assert f"/signatories/{organisation.slug}/" in news.body


def test_weekly_followers_hear_in_their_digest(client, django_capture_on_commit_callbacks):
    follow(
        client,
        topic="signatories:south-west",
        label="new signatories in South West",
        frequency="weekly",
    )
    _sign(
        OrganisationFactory(name="Kernow Council", region="South West"),
        django_capture_on_commit_callbacks,
    )
    assert not [email for email in mail.outbox if email.to == ["reader@example.com"]]

    with django_capture_on_commit_callbacks(execute=True):
        subscription_services.send_weekly_digests()

    [digest] = [email for email in mail.outbox if email.to == ["reader@example.com"]]
    assert "Kernow Council has signed the Local Digital Declaration" in digest.body
