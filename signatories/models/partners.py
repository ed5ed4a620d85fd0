"""What the partner finder searches, kept as one narrow row per listed council.

The finder ranks the councils that share a service area or a principle with
yours. Ranked from the sign-ups, their organisations and their commitments'
principles, that is a join of four tables over every signed council on each
request; ranked from these rows it is one table read with no join, and the
page's twenty sign-ups are then read by key. signatories.partner_listing
owns the rows: the services that sign and remove, and an organisation's
save, refresh them in the same transaction as the change.
"""

from django.db import models


def principle_key(principle_ids) -> str:
    """The principles as text both databases can search: ",3,5," holds ",3," and ",5,"."""
    return "," + "".join(f"{pk}," for pk in sorted(principle_ids))


def holds_principle(pk: int) -> str:
    return f",{pk},"


class PartnerListing(models.Model):
    """A signed council with a public commitment, as the partner finder ranks it."""

    sign_up = models.OneToOneField(
        "signatories.SignUp",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="partner_listing",
    )
    organisation = models.ForeignKey(
        "signatories.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=255)  # as Organisation.name
    service_area = models.ForeignKey(
        "declaration.ServiceArea", on_delete=models.CASCADE, related_name="+"
    )
    # The commitment's principles as principle_key() writes them: a text the
    # ranking reads with LIKE, so it needs no join and works on SQLite too.
    principles = models.CharField(max_length=500, default=",")
    # Copied so that "a council that exists today" is read from this row too.
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["service_area", "name"], name="partner_listing_area_name"),
        ]

    def __str__(self):
        return self.name
