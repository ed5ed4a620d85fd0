"""The funded project's page, with its updates newest first.

The fund draws the page (funding.views.project_page_context); the updates
are this app's, so this view answers the page's address (see sharing.urls)
and adds them, in one more query whatever their number.
"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from funding.views import project_page_context
from sharing.models import ProjectUpdate

UPDATES_SHOWN = 10


@require_safe
def project_detail(request, reference):
    context = project_page_context(reference)
    updates = ProjectUpdate.objects.public().filter(bid=context["bid"]).newest_first()
    shown = list(updates[: UPDATES_SHOWN + 1])
    return render(
        request,
        "fund/project.html",
        {
            **context,
            "updates": shown[:UPDATES_SHOWN],
            "more_updates": len(shown) > UPDATES_SHOWN,
        },
    )
