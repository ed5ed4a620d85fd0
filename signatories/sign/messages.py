"""The words for what the sign-up services refuse: a table from refusal to
message template, filled in with the values the refusal carries. Each message
is written here once, whichever page shows it."""

from django.conf import settings

from signatories.services import OrganisationAlreadySigning, Refused

REFUSAL_MESSAGES: dict[type[Refused], str] = {
    OrganisationAlreadySigning: (
        "{organisation_name} has already signed the declaration, or someone there is "
        "signing it now. An organisation can sign only once. If you think this is wrong, "
        "contact the Local Digital team at {contact_email}."
    ),
}


def refusal_message(refused: Refused) -> str:
    return REFUSAL_MESSAGES[type(refused)].format(
        **refused.params, contact_email=settings.CONTACT_EMAIL
    )
