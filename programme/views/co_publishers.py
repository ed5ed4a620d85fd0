"""The declaration's co-publishers, A to Z."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from programme.models import CoPublisher


@require_safe
def co_publisher_list(request):
    co_publishers = list(CoPublisher.objects.by_name())
    return render(
        request,
        "programme/co_publishers.html",
        {"page_title": "Co-publishers of the declaration", "co_publishers": co_publishers},
    )
