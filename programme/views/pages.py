"""Programme pages: the index of the tree, and each page with its contents
list and the pages around it."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from programme.models import ProgrammePage, ProgrammePageSlugRedirect
from programme.navigation import PageTree


@require_safe
def programme_index(request):
    tree = PageTree(ProgrammePage.objects.tree())
    return render(
        request,
        "programme/index.html",
        {"page_title": "The programme", "tree": tree},
    )


@require_safe
def programme_page(request, slug):
    page = ProgrammePage.objects.published().filter(slug=slug).first()
    if page is None:
        return _former_address(slug)
    tree = PageTree(ProgrammePage.objects.tree())
    return render(
        request,
        "programme/page.html",
        {
            "page_title": page.title,
            "programme_page": page,
            "ancestors": tree.ancestors(page.pk),
            "children": tree.children(page.pk),
            "siblings": tree.siblings(page.pk),
        },
    )


def _former_address(slug):
    moved = (
        ProgrammePageSlugRedirect.objects.filter(
            old_slug=slug, target__in=ProgrammePage.objects.published()
        )
        .select_related("target")
        .first()
    )
    if moved is None:
        raise Http404("No such programme page.")
    return redirect(moved.target, permanent=True)
