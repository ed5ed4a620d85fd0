import pytest
from django.core.management import call_command

from signatories.models import SignUp, SignUpState

pytestmark = pytest.mark.django_db


def test_demo_content_loads_signatories_through_the_workflow_once(client):
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")
    call_command("load_demo_content")

    assert SignUp.objects.filter(state=SignUpState.SIGNED).count() == 4
    assert SignUp.objects.filter(state=SignUpState.AWAITING_REVIEW).count() == 1
    signed = SignUp.objects.signed().first()
    assert [c.to_state for c in signed.state_changes.all()] == [
        SignUpState.AWAITING_CONFIRMATION,
        SignUpState.AWAITING_REVIEW,
        SignUpState.AWAITING_SIGN_OFF,
        SignUpState.SIGNED,
    ]
    assert "London Borough of Hackney" in client.get("/signatories/").content.decode()
