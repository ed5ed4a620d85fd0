"""A seam between expressions of interest and conflicts of interest, found by
the panel's browser story: staff whose organisation leads or partners an
expression may not invite or decline it, as they could not assess the bid it
becomes."""

import pytest
from django.core import mail

from funding import services
from funding.models import AssessorProfile, Expression, ExpressionState
from tests.admin_pages import page_text
from tests.factories import signed_council
from tests.funding.assessors import fund_manager, plain_assessor
from tests.funding.expressions import eoi_round, send
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

EXPRESSIONS = "/admin/funding/expression/"


@pytest.fixture
def expression() -> Expression:
    return send(eoi_round(), lead=signed_council(name="Leadshire County Council"))


def test_a_manager_whose_council_leads_an_expression_is_refused_its_decision(
    client, django_user_model, expression
):
    manager = fund_manager(django_user_model)
    AssessorProfile.objects.create(user=manager, organisation=expression.lead)
    sign_in_staff(client, manager)
    sent_before = len(mail.outbox)

    page = page_text(client.get(f"{EXPRESSIONS}{expression.pk}/change/"))
    posted = client.post(
        f"{EXPRESSIONS}{expression.pk}/move/invite/",
        {"seen_state": expression.state, "feedback": "Our own council: yes."},
        follow=True,
    )

    assert (
        "You cannot decide on it, for a conflict of interest: Their organisation, "
        "Leadshire County Council, leads the expression of interest."
    ) in page
    assert "Invite to bid" not in page
    assert f"You cannot decide on {expression.reference}: Their organisation" in page_text(posted)
    expression.refresh_from_db()
    assert expression.state == ExpressionState.SUBMITTED
    assert len(mail.outbox) == sent_before


def test_an_assessor_whose_council_partners_an_expression_cannot_decline_it(
    django_user_model, expression
):
    partner = expression.partners.first()
    assessor = plain_assessor(django_user_model, "bo", organisation=partner)

    with pytest.raises(services.ConflictedDecision) as refused:
        services.expression_decide(
            expression=expression, invited=False, by=assessor, feedback="Not this time."
        )

    assert refused.value.reason == (
        f"Their organisation, {partner.name}, is a partner in the expression of interest."
    )
    expression.refresh_from_db()
    assert expression.state == ExpressionState.SUBMITTED


def test_a_manager_of_another_council_still_invites(client, django_user_model, expression):
    manager = fund_manager(django_user_model)
    AssessorProfile.objects.create(user=manager, organisation=signed_council())
    sign_in_staff(client, manager)

    client.post(
        f"{EXPRESSIONS}{expression.pk}/move/invite/",
        {"seen_state": expression.state, "feedback": "A shared problem."},
    )

    expression.refresh_from_db()
    assert expression.state == ExpressionState.INVITED
