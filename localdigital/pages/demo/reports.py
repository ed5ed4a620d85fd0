"""Demo reports on declaration projects, a year after each demo council signed:
one delivered, one partly, one not; the fourth has been asked and has not answered."""

import datetime

from django.utils import timezone

from signatories.models import ASK_AFTER, Delivery, DeliveryReport, ReportRequest, SignUp

# Register code: (delivery, what was delivered, links)
REPORTS = {
    "HCK": (
        Delivery.DELIVERED,
        "Every planning application received since June 2019 is published each morning as "
        "a CSV file, in the shape agreed with Camden and Islington.\n"
        "Two community groups use it to follow applications in their conservation areas.",
        ["https://github.com/example-council/planning-applications-data"],
    ),
    "LDS": (
        Delivery.PARTLY,
        "Applicants can now apply and upload evidence online. Paying for a badge still "
        "needs a phone call: our payment provider changes in the summer.",
        [],
    ),
    "CON": (
        Delivery.NOT_DELIVERED,
        "We paused the work when the waste contract was retendered. The discovery findings "
        "are published, and the new contract requires online booking.",
        ["https://www.example.gov.uk/blog/bulky-waste-discovery"],
    ),
}


def _moment(sign_up: SignUp, after: datetime.timedelta) -> datetime.datetime:
    return min(sign_up.signed_at + after, timezone.now())


def create_demo_reports() -> int:
    """Ask every demo signatory a year on, and add the three reports once. How many added."""
    added = 0
    for sign_up in SignUp.objects.signed().select_related("organisation"):
        code = sign_up.organisation.register_code
        if sign_up.signed_at > timezone.now() - ASK_AFTER:
            continue
        ReportRequest.objects.get_or_create(
            sign_up=sign_up, defaults={"asked_at": _moment(sign_up, ASK_AFTER)}
        )
        if code not in REPORTS or hasattr(sign_up, "delivery_report"):
            continue
        delivery, delivered, links = REPORTS[code]
        DeliveryReport.objects.create(
            sign_up=sign_up,
            delivery=delivery,
            delivered=delivered,
            links=links,
            reported_by=sign_up.officer_name,
            reported_at=_moment(sign_up, ASK_AFTER + datetime.timedelta(days=9)),
        )
        added += 1
    return added
