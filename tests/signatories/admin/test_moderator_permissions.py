"""What moderators may open and change in Django admin, and what staff
without their permissions are refused."""

import pytest
from django.contrib.auth.models import Group, Permission

from signatories.models import RejectionReason, SignUp, SignUpState
from tests.admin_pages import page_text
from tests.factories import SignUpFactory
from tests.signatories.admin.moderation_pages import QUEUE, change_url, moderate_url
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

State = SignUpState


# The group


def test_moderators_hold_no_permission_on_the_declarations_content():
    codenames = set(
        Group.objects.get(name="Moderators").permissions.values_list(
            "content_type__app_label", "codename"
        )
    )

    assert ("signatories", "change_signup") in codenames
    assert ("signatories", "change_organisation") in codenames
    assert ("signatories", "add_rejectionreason") in codenames
    assert ("localdigital", "change_outboundemail") in codenames
    assert ("declaration", "change_servicearea") in codenames
    assert not {
        (app, codename)
        for app, codename in codenames
        if app == "declaration" and not codename.endswith("servicearea")
    }
    assert not {codename for _, codename in codenames if codename.startswith("delete_")}


def test_a_starting_list_of_rejection_reasons_is_offered():
    assert RejectionReason.objects.filter(is_active=True).count() >= 5
    assert RejectionReason.objects.filter(text__icontains="supplier").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/declaration/principle/",
        "/admin/declaration/declaration/1/change/",
        "/admin/auth/user/",
        "/admin/signatories/signup/add/",
    ],
)
def test_a_moderator_cannot_open_what_is_not_theirs(moderator_client, path):
    assert moderator_client.get(path).status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/admin/signatories/organisation/",
        "/admin/signatories/organisation/add/",
        "/admin/signatories/rejectionreason/add/",
        "/admin/declaration/servicearea/",
        "/admin/localdigital/outboundemail/",
    ],
)
def test_a_moderator_can_manage_organisations_and_the_lists(moderator_client, path):
    assert moderator_client.get(path).status_code == 200


def test_a_moderator_cannot_delete_a_sign_up_but_a_superuser_can(moderator_client, admin_client):
    sign_up = SignUpFactory(state=State.REJECTED)
    delete_url = f"{QUEUE}{sign_up.pk}/delete/"

    assert moderator_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert SignUp.objects.filter(pk=sign_up.pk).exists()

    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not SignUp.objects.filter(pk=sign_up.pk).exists()


def test_staff_without_permissions_are_refused(client, django_user_model):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    sign_in_staff(
        client,
        django_user_model.objects.create_user(
            username="staff", password="unused-password-123", is_staff=True
        ),
    )

    assert client.get(QUEUE).status_code == 403
    assert client.get(change_url(sign_up)).status_code == 403
    assert client.get(moderate_url(sign_up, "approve")).status_code == 403
    assert (
        client.post(moderate_url(sign_up, "approve"), {"seen_state": sign_up.state}).status_code
        == 403
    )
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW


def test_staff_who_may_only_look_cannot_moderate(client, django_user_model):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    viewer = django_user_model.objects.create_user(
        username="viewer", password="unused-password-123", is_staff=True
    )
    viewer.user_permissions.add(Permission.objects.get(codename="view_signup"))
    sign_in_staff(client, viewer)

    page = page_text(client.get(change_url(sign_up)))
    assert "You do not have permission to moderate sign-ups." in page
    assert "Approve" not in page
    assert (
        client.post(moderate_url(sign_up, "approve"), {"seen_state": sign_up.state}).status_code
        == 403
    )
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    response = client.get(moderate_url(sign_up, "approve"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
