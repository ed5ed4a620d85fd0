"""The search page: the box, and the results grouped by kind."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from localdigital.pages.search.forms import SearchForm, results_title
from localdigital.pages.search.results import grouped_results


@require_safe
def search(request):
    if "q" not in request.GET:
        # The bare page, as the sitemap lists it: the box alone, nothing wrong yet.
        return render(request, "search/results.html", {"page_title": "Search", "form": None})
    form = SearchForm.from_query_string(request.GET)
    if not form.is_valid():
        return render(
            request,
            "search/results.html",
            {"page_title": "Search", "form": form, "error_title": True},
        )
    q = form.cleaned_data["q"]
    groups = grouped_results(q)
    return render(
        request,
        "search/results.html",
        {
            "page_title": results_title(q),
            "form": form,
            "q": q,
            "groups": groups,
            "found": sum(group.total for group in groups),
            "more": any(group.more for group in groups),
        },
    )
