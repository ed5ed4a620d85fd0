"""An Atom feed of the organisations that have signed most recently."""

import uuid

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from localdigital.core.site_address import absolute_url
from signatories.models import SignUp

FEED_LENGTH = 50
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://localdigital.gov.uk/signatories/")


class NewSignatoriesFeed(Feed):
    feed_type = Atom1Feed
    title = "New signatories of the Local Digital Declaration"
    subtitle = "Organisations that have signed the Local Digital Declaration, newest first."
    author_name = "Local Digital"

    def link(self):
        return absolute_url(reverse("signatories:list"))

    def feed_url(self):
        return absolute_url(reverse("signatories:feed"))

    def items(self):
        return (
            SignUp.objects.signed()
            .select_related("organisation", "commitment")
            .newest_first()[:FEED_LENGTH]
        )

    def item_title(self, sign_up: SignUp) -> str:
        return sign_up.organisation.name

    def item_description(self, sign_up: SignUp) -> str:
        commitment = getattr(sign_up, "commitment", None)
        text = f"{sign_up.organisation.name} has signed the Local Digital Declaration."
        if commitment:
            text += f" Its commitment: {commitment.title}."
        return text

    def item_link(self, sign_up: SignUp) -> str:
        return absolute_url(sign_up.organisation.get_absolute_url())

    def item_guid(self, sign_up: SignUp) -> str:
        # Atom wants an absolute, permanent id. One made from the organisation
        # and the moment it signed gives an organisation removed and signed
        # again a new entry, where its page's address would repeat the old id.
        name = f"{sign_up.organisation.slug}/{sign_up.signed_at.isoformat()}"
        return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}"

    def item_guid_is_permalink(self, sign_up: SignUp) -> bool:
        return False

    def item_pubdate(self, sign_up: SignUp):
        return sign_up.signed_at

    def item_updateddate(self, sign_up: SignUp):
        return sign_up.signed_at
