"""The follow pages of what updates come from: a funded project, a council,
a service area. Each finds the thing, words its topic (sharing.topics) and
hands the form to the subscriptions app."""

from django.http import Http404
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from declaration.models import ServiceArea
from funding.models import Bid
from sharing import topics
from signatories.models import Organisation
from subscriptions.follow import follow_page

METHODS = ["GET", "HEAD", "POST"]


@never_cache
@require_http_methods(METHODS)
def follow_project(request, reference):
    bid = Bid.objects.funded().filter(reference=reference).first()
    if bid is None:
        raise Http404("No funded project has this reference.")
    return follow_page(
        request,
        topic=topics.project_topic(bid),
        label=topics.project_label(bid),
        context={
            "back": bid.get_absolute_url(),
            "caption": f"Funded project {bid.reference}",
            "description": "Get an email when the project’s councils post an update about its work.",
        },
    )


@never_cache
@require_http_methods(METHODS)
def follow_council(request, slug):
    council = Organisation.objects.filter(slug=slug).first()
    if council is None:
        raise Http404("No organisation has this address.")
    return follow_page(
        request,
        topic=topics.council_topic(council),
        label=topics.council_label(council),
        context={
            "back": reverse("sharing:updates") + f"?council={council.slug}",
            "caption": council.name,
            "description": f"Get an email when a funded project that {council.name} leads or partners posts an update.",
        },
    )


@never_cache
@require_http_methods(METHODS)
def follow_service_area(request, slug):
    area = ServiceArea.objects.filter(slug=slug).first()
    if area is None:
        raise Http404("No service area has this address.")
    return follow_page(
        request,
        topic=topics.service_area_topic(area),
        label=topics.service_area_label(area),
        context={
            "back": reverse("sharing:updates") + f"?service_area={area.slug}",
            "caption": area.name,
            "description": f"Get an email when a funded project in {area.name} posts an update.",
        },
    )
