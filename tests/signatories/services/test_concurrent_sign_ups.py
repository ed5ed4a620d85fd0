"""Two people sending a sign-up for the same organisation at the same moment."""

import pytest
from django.test import Client

from signatories.models import SignUp
from signatories.services import OrganisationAlreadySigning, sign_up_submit
from tests.concurrency import at_the_same_moment
from tests.factories import OrganisationFactory, answers
from tests.govuk_pages import text
from tests.signatories.sign.sign_up_journey import answer_everything

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site_content")]


def test_two_submissions_for_one_organisation_leave_exactly_one_sign_up():
    organisation = OrganisationFactory()

    def submit():
        return sign_up_submit(organisation=organisation, answers=answers())

    outcomes = at_the_same_moment(submit, submit)

    assert SignUp.objects.live().filter(organisation=organisation).count() == 1
    assert sorted(type(outcome).__name__ for outcome in outcomes) == [
        "OrganisationAlreadySigning",
        "SignUp",
    ]
    assert any(isinstance(outcome, OrganisationAlreadySigning) for outcome in outcomes)


def test_two_people_sending_the_journey_at_once_one_is_told_why_not():
    organisation = OrganisationFactory(name="Testshire District Council")
    first, second = Client(), Client()
    answer_everything(first, organisation)
    answer_everything(second, organisation)

    responses = at_the_same_moment(
        lambda: first.post("/sign/check-answers/"), lambda: second.post("/sign/check-answers/")
    )

    assert sorted(response.status_code for response in responses) == [302, 409]
    refused = next(response for response in responses if response.status_code == 409)
    assert "Testshire District Council has already signed the declaration" in text(refused)
    assert SignUp.objects.filter(organisation=organisation).count() == 1
