"""The signatories' models, by what they record. Every name is importable from here."""

from signatories.models.counts import CouncilCount, PrincipleCommitmentCount, SignatoryCount
from signatories.models.delivery import (
    ASK_AFTER,
    DUE_AFTER,
    MAX_LINKS,
    NOT_REPORTED,
    REMIND_AFTER,
    Delivery,
)
from signatories.models.links import (
    LINK_LIFETIMES,
    LinkPurpose,
    SignUpLink,
    SignUpLinkQuerySet,
)
from signatories.models.organisations import (
    COUNCIL_TYPES,
    DOMAIN_PATTERN,
    SHARED_EMAIL_DOMAINS,
    Nation,
    Organisation,
    OrganisationQuerySet,
    OrganisationType,
    split_domains,
    validate_email_domains,
)
from signatories.models.partners import PartnerListing
from signatories.models.reports import DeliveryReport, ReportRequest
from signatories.models.sign_ups import (
    Commitment,
    RejectionReason,
    SignUp,
    SignUpQuerySet,
    StateChange,
    new_reference,
)
from signatories.models.states import (
    LIVE_STATES,
    QUEUE_STATES,
    SignUpState,
)

__all__ = [
    "ASK_AFTER",
    "DUE_AFTER",
    "Delivery",
    "DeliveryReport",
    "MAX_LINKS",
    "NOT_REPORTED",
    "REMIND_AFTER",
    "ReportRequest",
    "COUNCIL_TYPES",
    "Commitment",
    "CouncilCount",
    "DOMAIN_PATTERN",
    "LINK_LIFETIMES",
    "LIVE_STATES",
    "LinkPurpose",
    "Nation",
    "Organisation",
    "PrincipleCommitmentCount",
    "OrganisationQuerySet",
    "OrganisationType",
    "PartnerListing",
    "QUEUE_STATES",
    "RejectionReason",
    "SHARED_EMAIL_DOMAINS",
    "SignUp",
    "SignUpLink",
    "SignUpLinkQuerySet",
    "SignUpQuerySet",
    "SignUpState",
    "SignatoryCount",
    "StateChange",
    "new_reference",
    "split_domains",
    "validate_email_domains",
]
