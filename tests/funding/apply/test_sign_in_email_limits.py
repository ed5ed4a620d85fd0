"""How many sign-in emails one address is sent (funding.services.sign_in).

Counted per address and asking visitor, with a higher ceiling per address
whoever asks: others asking for an officer's address cannot stop the officer
being sent a link, and nobody can fill an inbox.
"""

import pytest
from django.core import mail

from funding.models import SignInLink
from funding.services import SIGN_IN_EMAILS_PER_HOUR, SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR
from localdigital.core.models import OutboundEmail
from tests.funding.apply.journey import CHECK_EMAIL, OFFICER, SIGN_IN, link_in

pytestmark = pytest.mark.django_db

OFFICERS_OWN = "198.51.100.7"


def ask(client, email: str, visitor: str, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(SIGN_IN, {"email": email}, REMOTE_ADDR=visitor)


def sent_to(email: str) -> int:
    return len([message for message in mail.outbox if message.to == [email]])


def test_others_asking_for_an_officers_address_do_not_stop_the_officers_own_link(
    client, django_capture_on_commit_callbacks
):
    # Seven other visitors each ask as often as they may, and more.
    for number in range(7):
        for _ in range(SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR + 2):
            ask(client, OFFICER, f"192.0.2.{number}", django_capture_on_commit_callbacks)
    sent_to_others = sent_to(OFFICER)
    assert sent_to_others == 7 * SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR

    response = ask(client, OFFICER, OFFICERS_OWN, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == CHECK_EMAIL
    assert sent_to(OFFICER) == sent_to_others + 1
    # The link sent at the officer's asking works.
    signed_in = client.post(link_in(mail.outbox[-1].body))
    assert signed_in.status_code == 302


def test_one_visitor_gets_an_address_sent_five_links_an_hour(
    client, django_capture_on_commit_callbacks
):
    answers = [
        ask(client, OFFICER, OFFICERS_OWN, django_capture_on_commit_callbacks)
        for _ in range(SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR + 2)
    ]

    assert sent_to(OFFICER) == SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR == 5
    assert OutboundEmail.objects.filter(to_address=OFFICER).count() == 5
    # Over the limit the answer is the same as ever: nothing says a limit was met.
    assert {(answer.status_code, answer["Location"]) for answer in answers} == {(302, CHECK_EMAIL)}


def test_the_visitors_limit_is_per_address(client, django_capture_on_commit_callbacks):
    for _ in range(SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR):
        ask(client, OFFICER, OFFICERS_OWN, django_capture_on_commit_callbacks)

    ask(client, "tom.evans@testshire.gov.uk", OFFICERS_OWN, django_capture_on_commit_callbacks)

    assert sent_to("tom.evans@testshire.gov.uk") == 1


def test_one_address_is_sent_no_more_than_the_ceiling_whoever_asks(
    client, django_capture_on_commit_callbacks
):
    visitors = SIGN_IN_EMAILS_PER_HOUR // SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR + 3
    for number in range(visitors):
        for _ in range(SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR):
            ask(client, OFFICER, f"192.0.2.{number}", django_capture_on_commit_callbacks)

    assert sent_to(OFFICER) == SIGN_IN_EMAILS_PER_HOUR
    assert SignInLink.objects.filter(email=OFFICER).count() == SIGN_IN_EMAILS_PER_HOUR


def test_the_limits_count_the_address_however_it_is_typed(
    client, django_capture_on_commit_callbacks
):
    for typed in [OFFICER, OFFICER.upper(), f"  {OFFICER}  ", "Priya.Shah@Testshire.gov.uk"] * 2:
        ask(client, typed, OFFICERS_OWN, django_capture_on_commit_callbacks)

    assert SignInLink.objects.count() == SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR
