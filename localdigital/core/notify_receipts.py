"""GOV.UK Notify's delivery receipts: Notify posts one for each email it has
tried to deliver, and the outbox row is marked delivered or not delivered.

Notify is set up (in its own admin) to post to /notify/delivery-receipts/
with the bearer token in NOTIFY_CALLBACK_TOKEN, which is how we know the
receipt is Notify's.
"""

import hmac
import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from localdigital.core.models import Delivery, OutboundEmail

DELIVERY_BY_STATUS = {
    "delivered": Delivery.DELIVERED,
    "permanent-failure": Delivery.NOT_DELIVERED,
    "temporary-failure": Delivery.NOT_DELIVERED,
    "technical-failure": Delivery.NOT_DELIVERED,
}
# A receipt is a few hundred bytes; anything far bigger is not one.
MAX_RECEIPT_BYTES = 10_000


def _from_notify(request: HttpRequest) -> bool:
    expected = settings.NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    # No token configured means no receipts are taken, from anyone.
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def _receipt(request: HttpRequest) -> dict | None:
    if len(request.body) > MAX_RECEIPT_BYTES:
        return None
    try:
        receipt = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(receipt, dict) or not isinstance(receipt.get("id"), str):
        return None
    if receipt.get("status") not in DELIVERY_BY_STATUS:
        return None
    return receipt


@csrf_exempt  # Notify posts from its servers, with its token instead of a form.
@never_cache
def delivery_receipt(request: HttpRequest) -> HttpResponse:
    # The token first, whatever the method: to anyone else the address says nothing.
    if not _from_notify(request):
        return HttpResponse("Not a receipt from GOV.UK Notify.\n", status=403)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    receipt = _receipt(request)
    if receipt is None:
        return HttpResponse("Not a delivery receipt.\n", status=400)
    # A receipt for a message we no longer hold (purged with its sign-up) is
    # still answered as taken: Notify would otherwise send it again and again.
    OutboundEmail.objects.filter(provider_reference=receipt["id"]).update(
        delivery=DELIVERY_BY_STATUS[receipt["status"]],
        delivery_detail=receipt["status"],
        delivery_reported_at=timezone.now(),
    )
    return HttpResponse(status=204)
