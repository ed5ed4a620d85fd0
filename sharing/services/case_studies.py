"""Proposing, publishing and declining case studies.

Each write is one transaction that raises the content version (the public
pages show the change at once) and queues its email to the officer who
proposed it, if an officer did.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from localdigital.core import content_version
from localdigital.core.outbox import queue_email
from sharing import case_emails
from sharing.case_models import CaseStudy, Outcome
from sharing.case_workflow import CASE_STUDY_WORKFLOW


@dataclass(frozen=True)
class CaseStudyFields:
    title: str
    service_area_id: int
    summary: str
    problem: str
    what_was_done: str
    council_ids: list[int]
    principle_ids: list[int]
    # (what changed, figure), in the order given.
    outcomes: list[tuple[str, str]]
    funded_project_ids: list[int] = field(default_factory=list)
    declaration_project_ids: list[int] = field(default_factory=list)


def _notify(case_study: CaseStudy, subject: str, body: str) -> None:
    if case_study.proposed_by_email:
        queue_email(
            to=case_study.proposed_by_email,
            subject=subject,
            body=body,
            reference=case_study.reference,
        )


def case_study_propose(*, email: str, fields: CaseStudyFields) -> CaseStudy:
    """A council officer's proposal (the caller has checked who they are and
    that the councils, projects and commitments are theirs), to wait for staff."""
    with transaction.atomic():
        case_study = CaseStudy.objects.create(
            title=fields.title,
            service_area_id=fields.service_area_id,
            summary=fields.summary,
            problem=fields.problem,
            what_was_done=fields.what_was_done,
            proposed_by_email=email.strip().lower(),
        )
        case_study.councils.set(fields.council_ids)
        case_study.principles.set(fields.principle_ids)
        case_study.funded_projects.set(fields.funded_project_ids)
        case_study.declaration_projects.set(fields.declaration_project_ids)
        Outcome.objects.bulk_create(
            Outcome(case_study=case_study, measure=measure, figure=figure, position=number)
            for number, (measure, figure) in enumerate(fields.outcomes)
        )
        CASE_STUDY_WORKFLOW.start(case_study, by_label=f"{case_study.proposed_by_email} (officer)")
        _notify(case_study, *case_emails.received(case_study))
    return case_study


def case_study_start(case_study: CaseStudy, *, by_user) -> None:
    """Record the first state of a case study staff wrote in admin."""
    CASE_STUDY_WORKFLOW.start(case_study, by_label=by_user.get_username(), note="Written by staff")


def case_study_publish(*, case_study: CaseStudy, by_user, note: str = "") -> None:
    with transaction.atomic():
        CASE_STUDY_WORKFLOW.move(
            case_study,
            "publish",
            by_user=by_user,
            note=note,
            fields={"published_at": case_study.published_at or timezone.now()},
        )
        content_version.bump()
        _notify(case_study, *case_emails.published(case_study))


def case_study_decline(*, case_study: CaseStudy, by_user, reason: str) -> None:
    if not reason.strip():
        raise ValidationError("Enter the reason for declining it.", code="reason_missing")
    with transaction.atomic():
        CASE_STUDY_WORKFLOW.move(case_study, "decline", by_user=by_user, note=reason)
        _notify(case_study, *case_emails.declined(case_study, reason=reason))


def case_study_withdraw(*, case_study: CaseStudy, by_user, reason: str) -> None:
    """Take a published case study off the site, back to the staff's queue."""
    with transaction.atomic():
        CASE_STUDY_WORKFLOW.move(case_study, "withdraw", by_user=by_user, note=reason)
        content_version.bump()
