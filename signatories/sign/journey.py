"""The answers of the sign-up journey, kept in the session between pages.

Nothing is written to the database until the officer sends their answers from
check your answers: a journey left half done leaves no trace but a session,
which expires on its own.
"""

from declaration.models import Principle, ServiceArea
from signatories.models import Organisation, SignUp
from signatories.services import SignUpAnswers, sign_up_submit, sign_up_submit_new_organisation

SESSION_KEY = "sign_up_journey"

# The question pages in order, each with the answers it asks for.
STEPS = [
    ("sign:organisation", ["organisation"]),
    ("sign:your-details", ["officer_name", "officer_job_title", "officer_email"]),
    ("sign:senior-approver", ["approver_name", "approver_role", "approver_email"]),
    ("sign:commitment", ["title", "mission", "impact"]),
    ("sign:principles", ["principles"]),
    ("sign:service-area", ["service_area"]),
    ("sign:authority", ["has_authority"]),
]
STEP_NAMES = [name for name, _fields in STEPS]


def answers(session) -> dict:
    return dict(session.get(SESSION_KEY, {}))


def save(session, values: dict) -> None:
    data = answers(session)
    data.update(values)
    session[SESSION_KEY] = data


def clear(session) -> None:
    session.pop(SESSION_KEY, None)


def is_editing(data: dict) -> bool:
    """Whether the officer is making changes a moderator asked for (through their link)."""
    return bool(data.get("edit_token"))


def _has(data: dict, field: str) -> bool:
    if field == "organisation":
        return bool(data.get("new_organisation") or chosen_organisation(data))
    return bool(data.get(field))


def first_missing_step(data: dict) -> str | None:
    for name, fields in STEPS:
        if not all(_has(data, field) for field in fields):
            return name
    return None


def next_page(current: str, data: dict, *, changing: bool) -> str:
    """The page after `current`: check your answers when changing an answer, else the next question."""
    if changing or is_editing(data):
        return first_missing_step(data) or "sign:check-answers"
    position = STEP_NAMES.index(current)
    if position + 1 < len(STEP_NAMES):
        return STEP_NAMES[position + 1]
    return "sign:check-answers"


def previous_page(current: str, data: dict, *, changing: bool) -> str:
    if changing or is_editing(data):
        return "sign:check-answers"
    position = STEP_NAMES.index(current)
    return STEP_NAMES[position - 1] if position else "sign:start"


def chosen_organisation(data: dict) -> Organisation | None:
    if not data.get("organisation_id"):
        return None
    # Not limited to current organisations: the choice was checked when it was
    # made, and a sign-up being changed keeps its organisation whatever happens.
    return Organisation.objects.filter(pk=data["organisation_id"]).first()


def organisation_name(data: dict) -> str:
    """The name of the organisation chosen or typed in, for the pages that name it."""
    if data.get("new_organisation"):
        return data["new_organisation"]["name"]
    organisation = chosen_organisation(data)
    return organisation.name if organisation else "your organisation"


def principles(data: dict) -> list[Principle]:
    return list(Principle.objects.in_order().filter(number__in=data.get("principles", [])))


def service_area(data: dict) -> ServiceArea | None:
    return ServiceArea.objects.filter(slug=data.get("service_area", "")).first()


def service_answers(data: dict) -> SignUpAnswers:
    return SignUpAnswers(
        officer_name=data["officer_name"],
        officer_job_title=data["officer_job_title"],
        officer_email=data["officer_email"],
        approver_name=data["approver_name"],
        approver_role=data["approver_role"],
        approver_email=data["approver_email"],
        title=data["title"],
        partners=data.get("partners", ""),
        mission=data["mission"],
        impact=data["impact"],
        principles=principles(data),
        service_area=service_area(data),
        has_authority=bool(data["has_authority"]),
    )


def from_sign_up(sign_up: SignUp) -> dict:
    """The saved answers of a sign-up, to be changed page by page."""
    commitment = sign_up.commitment
    return {
        "organisation_id": sign_up.organisation_id,
        "officer_name": sign_up.officer_name,
        "officer_job_title": sign_up.officer_job_title,
        "officer_email": sign_up.officer_email,
        "approver_name": sign_up.approver_name,
        "approver_role": sign_up.approver_role,
        "approver_email": sign_up.approver_email,
        "title": commitment.title,
        "partners": commitment.partners,
        "mission": commitment.mission,
        "impact": commitment.impact,
        "principles": [p.number for p in commitment.principles.all()],
        "service_area": commitment.service_area.slug,
        "has_authority": sign_up.has_authority,
    }


def submit(data: dict) -> SignUp:
    """Send the answers: a sign-up, and the organisation too if it was typed in.

    Raises: OrganisationAlreadySigning (organisation_name) when the
    organisation has a live sign-up.
    """
    # Everything is read before the service's transaction starts, so that it
    # opens with its first write. (SQLite, used on laptops, refuses rather than
    # waits when a transaction that has read tries to write while another is
    # writing.)
    organisation = chosen_organisation(data)
    answers_to_send = service_answers(data)
    if organisation is None:
        new = data["new_organisation"]
        return sign_up_submit_new_organisation(
            name=new["name"], organisation_type=new["organisation_type"], answers=answers_to_send
        )
    return sign_up_submit(organisation=organisation, answers=answers_to_send)
