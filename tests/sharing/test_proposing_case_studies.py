"""An officer of a signed council proposes a case study: one question page,
check answers, then a confirmation; the proposal waits for staff, and the
officer is emailed that it arrived."""

from django.core import mail

from sharing.models import CaseStudy, CaseStudyState
from tests.govuk_pages import error_summary, text, title
from tests.sharing.cases import proposal_form
from tests.sharing.projects import LEAD_OFFICER, funded_project, officer_client

FORM = "/case-studies/propose/"
CHECK = "/case-studies/propose/check/"
SENT = "/case-studies/propose/sent/"


def test_signing_in_is_needed_to_propose(client, db):
    response = client.get(FORM)

    assert response.status_code == 302
    assert response.url.startswith("/fund/apply/sign-in/?next=")


def test_an_officer_proposes_checks_and_sends_a_case_study(db, django_capture_on_commit_callbacks):
    bid = funded_project()
    officer = officer_client(LEAD_OFFICER)
    form = officer.get(FORM)
    assert title(form) == "Propose a case study – Local Digital"
    assert bid.title in text(form)

    answers = proposal_form(
        funded_projects=[bid.reference], other_council="partnerton-borough-council"
    )
    check = officer.post(FORM, answers, follow=True)

    assert title(check) == "Check your case study before sending it – Local Digital"
    page = text(check)
    assert "Leadshire County Council" in page and "Partnerton Borough Council" in page
    assert "Calls about missed bins (down 40%)" in page
    assert not CaseStudy.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        sent = officer.post(CHECK, follow=True)

    assert title(sent) == "Case study sent – Local Digital"
    assert "What did you think of this service?" in text(sent)
    case_study = CaseStudy.objects.get()
    assert case_study.state == CaseStudyState.PROPOSED
    assert case_study.proposed_by_email == LEAD_OFFICER
    assert list(case_study.funded_projects.all()) == [bid]
    assert sorted(c.name for c in case_study.councils.all()) == [
        "Leadshire County Council",
        "Partnerton Borough Council",
    ]
    assert [(o.measure, o.figure) for o in case_study.outcomes.all()] == [
        ("Calls about missed bins", "down 40%")
    ]
    assert case_study.history.get().by_label == f"{LEAD_OFFICER} (officer)"
    [email] = mail.outbox
    assert email.to == [LEAD_OFFICER]
    assert "We have your case study" in email.subject
    # Not public until staff publish it.
    assert officer_client("").get(f"/case-studies/{case_study.slug}/").status_code == 404


def test_missing_answers_are_each_named_and_nothing_is_kept(db):
    funded_project()
    officer = officer_client(LEAD_OFFICER)

    response = officer.post(
        FORM,
        proposal_form(
            title="", councils=[], principles=[], outcome_1_measure="", outcome_1_figure=""
        ),
    )

    assert response.status_code == 200
    assert error_summary(response) == [
        "Enter a title",
        "Select the councils whose work it is",
        "Select the principles the work follows",
    ]
    assert officer.get(CHECK).status_code == 302
    assert not CaseStudy.objects.exists()


def test_an_outcome_needs_its_figure_and_one_outcome_is_needed(db):
    funded_project()
    officer = officer_client(LEAD_OFFICER)

    half = officer.post(FORM, proposal_form(outcome_1_figure=""))
    none = officer.post(FORM, proposal_form(outcome_1_measure="", outcome_1_figure=""))

    assert error_summary(half) == ["Enter both what changed and its figure for outcome 1"]
    assert error_summary(none) == ["Enter at least one outcome, with its figure"]
    assert not CaseStudy.objects.exists()


def test_an_officer_may_not_name_a_council_or_project_not_theirs(db):
    bid = funded_project()
    officer = officer_client("ola.ade@elsewhere.gov.uk")

    response = officer.post(
        FORM,
        proposal_form(councils=["leadshire-county-council"], funded_projects=[bid.reference]),
    )

    assert error_summary(response) == [
        "Select the councils whose work it is",
        "Select funded projects from the list",
    ]


def test_an_officer_of_no_signed_council_is_told_why(db):
    funded_project()

    response = officer_client("someone@example.com").get(FORM)

    assert "You cannot propose a case study" in text(response)


def test_the_confirmation_is_only_for_the_officer_who_sent_it(db):
    funded_project()

    assert officer_client(LEAD_OFFICER).get(SENT).status_code == 302
