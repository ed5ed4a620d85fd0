"""The demo's decided round had an expression of interest stage: its bids came
from invited expressions, a few others were declined, and all are public."""

import pytest
from django.core.management import call_command

from funding.models import Expression, ExpressionState, Round
from tests.govuk_pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # the demo loads only for local development
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")


def test_the_decided_round_shows_its_expressions_with_their_outcomes(demo, client):
    round_ = Round.objects.get(slug="round-6")
    invited = Expression.objects.filter(round=round_, state=ExpressionState.INVITED)
    declined = Expression.objects.filter(round=round_, state=ExpressionState.DECLINED)

    assert round_.has_expression_stage and round_.expressions_close_at < round_.opens_at
    assert invited.count() == round_.bids.count() and declined.count() == 2
    assert all(expression.bid is not None for expression in invited)
    assert all(e.submitted_at < e.decided_at < round_.opens_at for e in Expression.objects.all())
    page = text(client.get("/fund/round-6/expressions/"))
    assert f"{invited.count() + 2} expressions of interest" in page
    assert "A new intranet for council staff" in page and "Not invited to bid" in page
