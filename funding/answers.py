"""A bid's answers as plain data: what is frozen when it is submitted, and
what check your answers, the sent bid's page (funding.apply.summary), the
assessors' view and the export all read.

Being plain data (no model instances), the frozen copy stays as it was sent
whatever happens later to the bid, its partners or the principles.
"""

from funding.models import Bid


def _organisation(organisation) -> dict:
    return {
        "name": organisation.name,
        "slug": organisation.slug,
        "register_code": organisation.register_code,
        "type": organisation.get_organisation_type_display(),
        "region": organisation.region,
    }


# Over 40 lines, and kept whole: it is the shape of every frozen copy, which
# reads best as the one literal that EMPTY_ANSWERS below mirrors.
def bid_answers(bid: Bid) -> dict:
    """Everything the officer entered, in task-list order, as JSON-ready data."""
    return {
        "round": {"name": bid.round.name, "slug": bid.round.slug},
        "lead": _organisation(bid.lead),
        "title": bid.title,
        "summary": bid.summary,
        "service_area": bid.service_area.name if bid.service_area else "",
        "problem": bid.problem,
        "users": bid.users,
        "partners": [_organisation(partner) for partner in bid.partners.all()],
        "phase": bid.get_phase_display() if bid.phase else "",
        "amount": bid.amount,
        "cost_lines": [
            {
                "category": line.get_category_display(),
                "description": line.description,
                "amount": line.amount,
            }
            for line in bid.cost_lines.all()
        ],
        "delivery_plan": bid.delivery_plan,
        "team": bid.team,
        "principles": [
            {"number": principle.number, "title": principle.title}
            for principle in sorted(bid.principles.all(), key=lambda p: p.number)
        ],
        "principles_how": bid.principles_how,
        "attachments": [
            {
                "name": attachment.original_name,
                "kind": attachment.get_kind_display(),
                "size": attachment.size,
                "token": attachment.token,
            }
            for attachment in bid.attachments.all()
        ],
        "open_licence": bid.open_licence,
        "sponsor": {
            "name": bid.sponsor_name,
            "role": bid.sponsor_role,
            "email": bid.sponsor_email,
        },
    }


# What every answer is when nothing was given: the shape a copy has today.
EMPTY_ANSWERS = {
    "round": {"name": "", "slug": ""},
    "lead": {"name": "", "slug": "", "register_code": "", "type": "", "region": ""},
    "title": "",
    "summary": "",
    "service_area": "",
    "problem": "",
    "users": "",
    "partners": [],
    "phase": "",
    "amount": None,
    "cost_lines": [],
    "delivery_plan": "",
    "team": "",
    "principles": [],
    "principles_how": "",
    "attachments": [],
    "open_licence": False,
    "sponsor": {"name": "", "role": "", "email": ""},
}


def read_answers(frozen: dict) -> dict:
    """A frozen copy, with any answer asked for only since it was frozen read as not given.

    Copies keep the shape they had on the day they were sent; pages written
    for today's questions read them through this, so an older copy still shows.
    """
    answers = {**EMPTY_ANSWERS, **frozen}
    for name in ("round", "lead", "sponsor"):
        answers[name] = {**EMPTY_ANSWERS[name], **(frozen.get(name) or {})}
    return answers
