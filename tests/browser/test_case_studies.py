"""Case studies in Chromium: the pages are accessible with and without
JavaScript, and the story of one, from the officer who proposes it (without
JavaScript) to the moderator who publishes it and the reader who finds it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.browser import case_study_pages, update_pages
from tests.browser.case_study_pages import OFFICER, PAGES
from tests.browser.officer_bid_steps import officer_asks_for_a_link, officer_follows_the_link
from tests.browser.steps import (
    MODERATOR_PASSWORD,
    follow_link,
    heading,
    last_email_to,
    main_text,
    moderator_signs_in,
    open_from_admin_list,
    press_button,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The fixtures, under their names here.
updated_project = update_pages.updated_project
case_studies = case_study_pages.case_studies


@pytest.fixture
def moderator():
    user = get_user_model().objects.create_user(
        "moderator", password=MODERATOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.mark.parametrize(("path", "heading_text", "status"), PAGES)
def test_case_study_page_is_accessible_with_and_without_javascript(
    page, new_browser, assert_accessible, case_studies, path, heading_text, status
):
    for each in (page, new_browser(javascript=False)):
        response = each.goto(path)

        assert response.status == status
        assert heading_text in heading(each)
        assert_accessible(each)


def test_an_officer_proposes_a_case_study_staff_publish_it_and_the_public_read_it(
    page, new_browser, assert_accessible, updated_project, moderator
):
    # The officer signs in, without JavaScript, and proposes.
    officer = new_browser(javascript=False)
    officer.goto("/case-studies/")
    follow_link(officer, "propose a case study")
    officer_asks_for_a_link(officer, assert_accessible, email=OFFICER)
    officer_follows_the_link(officer, assert_accessible, email=OFFICER)
    assert heading(officer) == "Propose a case study"
    assert_accessible(officer)
    press_button(officer, "Continue")
    assert officer.title().startswith("Error: ")
    assert_accessible(officer)
    officer.get_by_label("Title").fill("Tenants report repairs online")
    officer.get_by_label("Leadsby City Council", exact=True).check()
    officer.get_by_label("Fix the plumbing").check()
    officer.get_by_label("Licences, permits and permissions").check()
    officer.get_by_label("Summary").fill("Tenants report a repair in three minutes.")
    officer.get_by_label("What was the problem?").fill("Repairs were reported by phone.")
    officer.get_by_label("What did you do?").fill("We built an online form with tenants.")
    outcome = officer.get_by_role("group", name="Outcome 1")
    outcome.get_by_label("What changed").fill("Time to report a repair")
    outcome.get_by_label("Figure").fill("3 minutes")
    officer.get_by_label("Shared repairs reporting (R6-0001)").check()
    press_button(officer, "Continue")
    assert heading(officer) == "Check your case study before sending it"
    assert "Time to report a repair (3 minutes)" in main_text(officer)
    assert_accessible(officer)
    press_button(officer, "Send case study")
    assert heading(officer) == "Case study sent"
    assert_accessible(officer)
    assert "We have your case study" in last_email_to(OFFICER).subject

    # The moderator finds it in admin, and publishes it.
    moderator_signs_in(page)
    open_from_admin_list(
        page, "/admin/sharing/casestudy/", "Tenants report repairs online", state="Proposed"
    )
    follow_link(page, "Publish", within=page.locator("#moderation"))
    press_button(page, "Publish the case study")
    assert "is published" in page.locator(".messagelist").inner_text()
    assert "Your case study is published" in last_email_to(OFFICER).subject

    # A reader finds it on the list and reads it, keyboard only.
    reader = new_browser(javascript=False)
    reader.goto("/case-studies/")
    assert "Tenants report repairs online" in main_text(reader)
    reader.get_by_role("link", name="Tenants report repairs online").focus()
    reader.keyboard.press("Enter")
    reader.wait_for_load_state()
    assert heading(reader) == "Tenants report repairs online"
    assert "3 minutes" in main_text(reader)
    assert "Shared repairs reporting" in main_text(reader)
    assert_accessible(reader)
