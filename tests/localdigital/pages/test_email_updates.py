"""The email updates page: one address chooses topics (news, fund rounds,
new signatories in a region, events) and how often; nothing is followed
until the emailed link's button is pressed; bad answers are explained."""

import pytest

from subscriptions.models import Subscription
from tests.factories import OrganisationFactory
from tests.govuk_pages import title
from tests.subscriptions.followers import READER, last_email_to, link_path

pytestmark = pytest.mark.django_db

PAGE = "/email-updates/"


def _answers(**fields) -> dict:
    return {"email": READER, "topics": ["news"], "region": "", "frequency": "each", **fields}


def test_the_page_offers_every_topic_and_the_regions(client):
    OrganisationFactory(region="South West")
    OrganisationFactory(region="London")

    response = client.get(PAGE)
    page = response.text

    assert title(response) == "Get email updates – Local Digital"
    for topic in ["News", "Fund rounds and deadlines", "New signatories in a region", "Events"]:
        assert topic in page
    assert page.index(">London<") < page.index(">South West<")


def test_choosing_topics_follows_them_only_once_confirmed(client):
    OrganisationFactory(region="South West")

    response = client.post(
        PAGE, _answers(topics=["news", "fund-rounds", "signatories"], region="South West")
    )

    assert "Check your email" in response.text
    assert not Subscription.objects.confirmed().exists()
    email = last_email_to(READER)
    assert (
        "news from Local Digital, Local Digital Fund rounds and deadlines and new signatories in South West"
        in email.body
    )
    client.post(link_path(email.body, "confirm"))
    assert sorted(Subscription.objects.confirmed().values_list("topic", "label")) == [
        ("fund-rounds", "Local Digital Fund rounds and deadlines"),
        ("news", "news from Local Digital"),
        ("signatories:south-west", "new signatories in South West"),
    ]


def test_opening_the_emailed_link_alone_confirms_nothing(client):
    client.post(PAGE, _answers())

    client.get(link_path(last_email_to(READER).body, "confirm"))

    assert not Subscription.objects.confirmed().exists()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"topics": []}, "Select at least one topic"),
        ({"topics": ["signatories"]}, "Select the region to hear of new signatories in"),
        ({"topics": ["signatories"], "region": "Atlantis"}, "Select a region from the list"),
        ({"email": "not-an-address"}, "Enter an email address in the correct format"),
        ({"frequency": ""}, "Select how often you want email updates"),
    ],
)
def test_a_bad_answer_is_explained_and_changes_nothing(client, answers, message):
    OrganisationFactory(region="South West")

    response = client.post(PAGE, _answers(**answers))

    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert response.text.count(message) == 2
    assert not Subscription.objects.exists()


def test_the_page_makes_the_same_queries_whatever_the_regions(client, django_assert_num_queries):
    OrganisationFactory(region="South West")
    client.get(PAGE)
    with django_assert_num_queries(1):
        client.get(PAGE)
    for region in ["London", "North East", "East of England", "Wales"]:
        OrganisationFactory(region=region)
    with django_assert_num_queries(1):
        client.get(PAGE)
