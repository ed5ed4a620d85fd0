"""The view of every section page: the guards they share, then the page.

It reads like a list of guards: the section exists, the officer's council
leads the bid, the bid can still be edited, then the section's own page
(funding.apply.simple_sections, partners, budget, attachments).
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from funding import services
from funding.apply.attachments import AttachmentSizeLimit, attachments
from funding.apply.budget import budget
from funding.apply.limits import SECTION_LIMIT
from funding.apply.partners import partners
from funding.apply.section_page import not_editable
from funding.apply.simple_sections import simple_section
from funding.models import Bid, Section
from funding.officer_session import officer_bid, officer_required
from localdigital.core.ratelimit import rate_limit

# The sections with a page of their own; the others are a single form.
SECTION_PAGES: dict[Section, Callable[[HttpRequest, Bid], HttpResponse]] = {
    Section.PARTNERS: partners,
    Section.BUDGET: budget,
    Section.ATTACHMENTS: attachments,
}


# CSRF is checked in _section_page, after AttachmentSizeLimit is in place:
# checking it reads the post, and the upload handlers must be set before that.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**SECTION_LIMIT)
def section(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    if section not in Section.values:
        raise Http404("No such section.")
    if request.method == "POST":
        request.upload_handlers.insert(0, AttachmentSizeLimit(request))
    return _section_page(request, pk=pk, section=Section(section))


@csrf_protect
def _section_page(request: HttpRequest, *, pk: int, section: Section) -> HttpResponse:
    bid = officer_bid(request, pk)
    if not bid.is_editable:
        return not_editable(request, bid)
    page = SECTION_PAGES.get(section)
    try:
        if page is not None:
            return page(request, bid)
        return simple_section(request, bid, section)
    except services.BidNotEditable:
        # Submitted by a colleague while this officer was typing.
        bid.refresh_from_db()
        return not_editable(request, bid)
