"""Officers of a funded project's lead and partner councils post updates to it,
and edit their own; nobody else can."""

from sharing.models import ProjectUpdate
from tests.govuk_pages import error_summary, text, title
from tests.sharing.projects import (
    LEAD_OFFICER,
    OTHER_OFFICER,
    PARTNER_OFFICER,
    funded_project,
    officer_client,
    post_update,
    update_form,
)


def _new(bid) -> str:
    return f"/updates/yours/{bid.reference}/new/"


def test_signing_in_is_needed_to_post(client, db):
    bid = funded_project()

    response = client.get(_new(bid))

    assert response.status_code == 302
    assert response.url.startswith("/fund/apply/sign-in/?next=")


def test_a_lead_council_officer_posts_an_update_that_is_public_at_once(db):
    bid = funded_project()
    officer = officer_client(LEAD_OFFICER)

    response = officer.post(_new(bid), update_form(), follow=True)

    assert "has been published" in text(response)
    update = ProjectUpdate.objects.get()
    assert update.author_email == LEAD_OFFICER
    page = officer_client("").get(bid.get_absolute_url())
    assert "Show and tell: the repairs prototype" in text(page)


def test_a_partner_council_officer_may_post_too(db):
    bid = funded_project()

    response = officer_client(PARTNER_OFFICER).post(_new(bid), update_form())

    assert response.status_code == 302
    assert ProjectUpdate.objects.get().author_email == PARTNER_OFFICER


def test_an_officer_of_another_council_may_not_post(db):
    bid = funded_project()
    officer = officer_client(OTHER_OFFICER)

    assert officer.get(_new(bid)).status_code == 404
    assert officer.post(_new(bid), update_form()).status_code == 404
    assert not ProjectUpdate.objects.exists()


def test_your_projects_lists_only_the_projects_they_may_post_to(db):
    bid = funded_project()

    mine = text(officer_client(PARTNER_OFFICER).get("/updates/yours/"))
    theirs = text(officer_client(OTHER_OFFICER).get("/updates/yours/"))

    assert bid.title in mine
    assert bid.title not in theirs


def test_missing_answers_are_explained_and_nothing_is_posted(db):
    bid = funded_project()

    response = officer_client(LEAD_OFFICER).post(_new(bid), update_form(kind="", title="", body=""))

    assert response.status_code == 200
    assert error_summary(response) == [
        "Select what kind of update this is",
        "Enter a title",
        "Enter the update",
    ]
    assert title(response).startswith("Error: ")
    assert not ProjectUpdate.objects.exists()


def test_a_link_that_is_not_a_web_address_is_refused(db):
    bid = funded_project()

    response = officer_client(LEAD_OFFICER).post(
        _new(bid), update_form(links="javascript:alert(1)")
    )

    assert error_summary(response) == [
        "Enter each link as a full web address, like https://example.gov.uk/notes"
    ]
    assert not ProjectUpdate.objects.exists()


def test_markdown_is_rendered_and_sanitised_once_on_saving(db):
    bid = funded_project()

    update = post_update(
        bid, body="**Bold** <script>alert(1)</script> [x](javascript:alert(2)) <img src=x>"
    )

    assert "<strong>Bold</strong>" in update.body_html
    assert "<script" not in update.body_html
    assert "javascript:" not in update.body_html
    assert "<img" not in update.body_html


def test_an_officer_edits_their_own_update(db):
    bid = funded_project()
    update = post_update(bid, email=LEAD_OFFICER)

    response = officer_client(LEAD_OFFICER).post(
        f"/updates/yours/edit/{update.pk}/", update_form(title="Sprint 3, corrected")
    )

    assert response.status_code == 302
    update.refresh_from_db()
    assert update.title == "Sprint 3, corrected"


def test_an_officer_may_not_edit_a_colleagues_update(db):
    bid = funded_project()
    update = post_update(bid, email=LEAD_OFFICER)

    response = officer_client(PARTNER_OFFICER).post(
        f"/updates/yours/edit/{update.pk}/", update_form(title="Not mine")
    )

    assert response.status_code == 404
    update.refresh_from_db()
    assert update.title == "Sprint 3: testing repairs reporting"


def test_the_edit_page_shows_the_update_as_saved(db):
    bid = funded_project()
    update = post_update(bid)

    response = officer_client(LEAD_OFFICER).get(f"/updates/yours/edit/{update.pk}/")

    assert "Sprint 3: testing repairs reporting" in response.content.decode()
