"""Everything that changes a sign-up. Each function is one transaction; the
emails it owes are written to the outbox in that transaction and sent after
commit, so a change and its emails happen together or not at all.

A service that refuses raises a `Refused` (services.refusals) carrying the
values its message needs, never the message; each service's docstring lists
what it raises. Callers import from here, not from the modules below.
"""

from signatories.services.links import find_any_link, find_link
from signatories.services.moderation import (
    sign_up_approve,
    sign_up_reject,
    sign_up_remove,
    sign_up_request_changes,
)
from signatories.services.purge import UNCONFIRMED_LIFETIME, purge_unconfirmed
from signatories.services.refusals import OrganisationAlreadySigning, Refused
from signatories.services.reports import ask_for_reports, remind_about_reports, report_delivery
from signatories.services.signing import (
    REVIEW_WORKING_DAYS,
    SignUpAnswers,
    may_resend_confirmation,
    sign_up_check_organisation,
    sign_up_confirm_email,
    sign_up_resend_confirmation,
    sign_up_resubmit,
    sign_up_sign,
    sign_up_submit,
    sign_up_submit_new_organisation,
)

__all__ = [
    "ask_for_reports",
    "remind_about_reports",
    "report_delivery",
    "REVIEW_WORKING_DAYS",
    "UNCONFIRMED_LIFETIME",
    "OrganisationAlreadySigning",
    "Refused",
    "SignUpAnswers",
    "find_any_link",
    "find_link",
    "may_resend_confirmation",
    "purge_unconfirmed",
    "sign_up_approve",
    "sign_up_check_organisation",
    "sign_up_confirm_email",
    "sign_up_reject",
    "sign_up_remove",
    "sign_up_request_changes",
    "sign_up_resend_confirmation",
    "sign_up_resubmit",
    "sign_up_sign",
    "sign_up_submit",
    "sign_up_submit_new_organisation",
]
