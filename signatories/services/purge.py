"""Housekeeping: sign-ups nobody confirmed are deleted, with what was kept for them."""

import datetime

from django.db import transaction
from django.utils import timezone

from localdigital.core.models import OutboundEmail
from signatories.models import Organisation, SignUp, SignUpState

UNCONFIRMED_LIFETIME = datetime.timedelta(days=30)


def purge_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete sign-ups whose email was never confirmed within 30 days.

    With them go the copies of their emails in the outbox and any organisation
    that was typed in for them alone: all of it is personal data, or data
    nobody vouched for, that we have no reason to keep.
    """
    cutoff = (now or timezone.now()) - UNCONFIRMED_LIFETIME
    with transaction.atomic():
        stale = SignUp.objects.filter(
            state=SignUpState.AWAITING_CONFIRMATION, created_at__lt=cutoff
        )
        references = list(stale.values_list("reference", flat=True))
        typed_in = list(
            stale.filter(organisation__is_from_register=False).values_list(
                "organisation", flat=True
            )
        )
        _, deleted = stale.delete()
        OutboundEmail.objects.filter(reference__in=references).delete()
        Organisation.objects.filter(
            pk__in=typed_in, is_from_register=False, sign_ups__isnull=True
        ).delete()
    return deleted.get("signatories.SignUp", 0)
