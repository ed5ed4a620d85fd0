"""The topics people can follow about projects' updates, and their labels.

Keys are the subscriptions app's: `project:<reference>`, `council:<slug>`,
`service-area:<slug>`. An update is announced to its project's topic, to the
topic of its lead and each partner council, and to its service area's.
"""

from declaration.models import ServiceArea
from funding.models import Bid
from signatories.models import Organisation


def project_topic(bid: Bid) -> str:
    return f"project:{bid.reference}"


def council_topic(organisation: Organisation) -> str:
    return f"council:{organisation.slug}"


def service_area_topic(area: ServiceArea) -> str:
    return f"service-area:{area.slug}"


def project_label(bid: Bid) -> str:
    return f"the project “{bid.title}” ({bid.reference})"


def council_label(organisation: Organisation) -> str:
    return f"updates from projects of {organisation.name}"


def service_area_label(area: ServiceArea) -> str:
    return f"updates from projects in {area.name}"


def topics_of(bid: Bid) -> list[str]:
    councils = [bid.lead, *bid.partners.all()]
    topics = [project_topic(bid), *(council_topic(council) for council in councils)]
    if bid.service_area:
        topics.append(service_area_topic(bid.service_area))
    return topics
