import pytest
from django.contrib.auth.models import Group

from declaration.models import Principle
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def content_editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", password="unused-password-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


def test_content_editor_can_edit_a_principle_in_admin(client, content_editor):
    sign_in_staff(client, content_editor)
    principle = Principle.objects.get(number=5)

    response = client.post(
        f"/admin/declaration/principle/{principle.pk}/change/",
        {
            "number": "5",
            "title": "Work in the open",
            "slug": principle.slug,
            "summary": "Share **everything** you can.",
            "commitments": "- publish our plans",
        },
    )

    assert response.status_code == 302
    principle.refresh_from_db()
    assert principle.title == "Work in the open"
    assert principle.summary_html == "<p>Share <strong>everything</strong> you can.</p>"


def test_content_editor_can_edit_the_declaration_text(client, content_editor):
    sign_in_staff(client, content_editor)

    assert client.get("/admin/declaration/declaration/1/change/").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/declaration/principle/add/",
        "/admin/declaration/principle/1/delete/",
        "/admin/declaration/declaration/1/delete/",
    ],
)
def test_content_editor_cannot_do_anything_else(client, content_editor, path):
    sign_in_staff(client, content_editor)

    assert client.get(path).status_code == 403


def test_content_editors_group_holds_only_content_permissions():
    group = Group.objects.get(name="Content editors")

    assert sorted(
        group.permissions.filter(content_type__app_label="declaration").values_list(
            "codename", flat=True
        )
    ) == ["change_declaration", "change_principle", "view_declaration", "view_principle"]
    # Besides the declaration, they edit the fund's rounds (nothing about bids)
    # and the programme's news, events and pages; of the register they only
    # read organisations, to name one as a co-publisher.
    fund = set(
        group.permissions.filter(content_type__app_label="funding").values_list(
            "content_type__model", flat=True
        )
    )
    assert fund == {"fund", "round", "roundphase", "criterion"}
    register = group.permissions.filter(content_type__app_label="signatories")
    assert list(register.values_list("codename", flat=True)) == ["view_organisation"]
    other_apps = set(group.permissions.values_list("content_type__app_label", flat=True).distinct())
    # (and case studies and bulletins: sharing, subscriptions)
    assert other_apps == {
        "declaration",
        "funding",
        "programme",
        "signatories",
        "pages",
        "sharing",
        "subscriptions",
    }
    # Of the site's own records, they read visitors' feedback.
    pages = group.permissions.filter(content_type__app_label="pages")
    assert list(pages.values_list("codename", flat=True)) == ["view_feedback"]


def test_admin_refuses_a_second_declaration_even_to_a_superuser(admin_client):
    assert admin_client.get("/admin/declaration/declaration/add/").status_code == 403
