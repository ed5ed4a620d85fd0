"""Telling the followers of new signatories in a region (signatories.topics)
that an organisation there has signed, through the subscriptions app's
announce: each-update followers hear at once, weekly ones in their digest."""

from localdigital.core.site_address import absolute_url
from signatories.models import SignUp
from signatories.topics import region_topic
from subscriptions.services import announce


def announce_new_signatory(sign_up: SignUp) -> None:
    """Called inside the signing's transaction, so it is announced if and only if signed."""
    organisation = sign_up.organisation
    if not organisation.region:
        # A body across the UK is in no region: nobody follows it by region.
        return
    announce(
        key=f"signatory:{sign_up.pk}",
        topics=[region_topic(organisation.region)],
        subject=f"{organisation.name} has signed the Local Digital Declaration",
        title=f"{organisation.name} has signed the Local Digital Declaration",
        text=f"{organisation.name}, in {organisation.region}, is the newest signatory there.",
        url=absolute_url(organisation.get_absolute_url()),
    )
