"""What the staff in the fund's story do in Django's admin: an assessor who
scores a bid and records it as funded, and the editor who publishes the
round's decisions. Built on tests/browser/steps.py, as a person would do it.
"""

import re

from tests.browser.steps import follow_link, open_from_admin_list, press_button


def messages_shown(page) -> str:
    return page.locator(".messagelist").inner_text()


def assessor_opens_bid(page, reference: str, *, state: str) -> None:
    """Find the bid in the list by its reference, and open it."""
    open_from_admin_list(page, "/admin/funding/bid/", reference, state=state)
    assert f"This bid is {state.lower()}." in page.locator("#assessment").inner_text()


def assessor_starts_assessment(page, reference: str) -> None:
    follow_link(page, "Start assessment", within=page.locator("#assessment"))
    press_button(page, "Start assessment")
    assert f"{reference} is in assessment: it can now be scored." in messages_shown(page)
    assert "This bid is in assessment." in page.locator("#assessment").inner_text()


def assessor_scores(page, reference: str, scores: dict[str, tuple[int, str]]) -> str:
    """Score each criterion (by name) with a justification; return the message shown."""
    follow_link(page, "Score this bid", within=page.locator("#assessment"))
    for criterion, (score, justification) in scores.items():
        box = page.locator("fieldset.module", has_text=f"{criterion} (weight")
        box.get_by_label(str(score), exact=True).check()
        page.get_by_label(f"Why you gave this score for {criterion}").fill(justification)
    press_button(page, "Save your scores")
    shown = messages_shown(page)
    assert f"Your scores for {reference} are saved." in shown
    return shown


def assessor_records_funded(page, reference: str, *, note: str) -> None:
    """Funded for the amount asked (the form's own), approved by the minister,
    with the same short feedback on every criterion."""
    follow_link(page, "Record as funded", within=page.locator("#assessment"))
    page.get_by_label("Approved by").fill("Sam Minister")
    page.get_by_label("Their role").fill("Minister for Local Government")
    for box in page.get_by_label(re.compile(r"^Feedback on ")).all():
        box.fill("Clear, and well evidenced.")
    page.get_by_label("Reason for the decision").fill(note)
    press_button(page, "Record as funded")
    assert f"{reference} recorded as funded. The officers have been emailed." in messages_shown(
        page
    )
    assert "This bid is funded." in page.locator("#assessment").inner_text()


def editor_publishes_decisions(page, *, round_name: str) -> None:
    """Tick "Decisions published" on the round's admin page and save it."""
    page.goto("/admin/funding/round/")
    follow_link(page, round_name, within=page.locator("#result_list"))
    page.get_by_label("Decisions published").check()
    # Exactly "Save": the admin's other buttons ("Save and add another", ...) start with it.
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert "was changed successfully" in messages_shown(page)
