"""The partner finder's rows (signatories.models.partners): the one place that writes them.

A row is made again, not patched: from the organisation's signed sign-up
and its commitment, whatever changed. The services that sign and remove,
and an organisation's save, call `refresh` in the same transaction as the
change; `rebuild` makes every row again (after a bulk load).
"""

from django.db import transaction

from signatories.models import COUNCIL_TYPES, Organisation, PartnerListing, SignUp
from signatories.models.partners import principle_key


def _listable():
    """Signed councils with a public commitment: those a finder may list."""
    return (
        SignUp.objects.signed()
        .filter(organisation__organisation_type__in=COUNCIL_TYPES, commitment__isnull=False)
        .select_related("organisation", "commitment")
        .prefetch_related("commitment__principles")
    )


def _row(sign_up: SignUp) -> PartnerListing:
    organisation = sign_up.organisation
    return PartnerListing(
        sign_up=sign_up,
        organisation=organisation,
        name=organisation.name,
        service_area_id=sign_up.commitment.service_area_id,
        principles=principle_key(p.pk for p in sign_up.commitment.principles.all()),
        start_date=organisation.start_date,
        end_date=organisation.end_date,
    )


def refresh(*, organisation: Organisation) -> None:
    """Make the organisation's row again: it signed, was removed, or changed."""
    with transaction.atomic():
        PartnerListing.objects.filter(organisation=organisation).delete()
        PartnerListing.objects.bulk_create(
            _row(sign_up) for sign_up in _listable().filter(organisation=organisation)
        )


def rebuild() -> None:
    with transaction.atomic():
        PartnerListing.objects.all().delete()
        PartnerListing.objects.bulk_create(
            (_row(sign_up) for sign_up in _listable().iterator(chunk_size=2000)),
            batch_size=2000,
        )
