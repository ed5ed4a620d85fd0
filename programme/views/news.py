"""News: the list, a page for each post, and the Atom feed."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from localdigital.core.lists import ListQuery, page_title, paginate
from localdigital.core.page_cache import keep_until
from programme.feeds import NewsFeed
from programme.models import NewsPost, NewsPostSlugRedirect

NEWS_SORTS = {"newest": "Newest first"}


@require_safe
def news_list(request):
    query = ListQuery.from_request(request, sorts=NEWS_SORTS, allowed={})
    page, pagination = paginate(request, NewsPost.objects.live().newest_first(), query)
    response = render(
        request,
        "programme/news_list.html",
        {"page_title": page_title("News", page), "page": page, "pagination": pagination},
    )
    # The next scheduled post joins this list at its time: kept until then at most.
    return keep_until(response, NewsPost.objects.next_publication_time())


@require_safe
def news_post(request, slug):
    post = (
        NewsPost.objects.live()
        .filter(slug=slug)
        .prefetch_related("principles", "service_areas")
        .first()
    )
    if post is None:
        return _former_address(slug)
    return render(request, "programme/news_post.html", {"post": post, "page_title": post.title})


def _former_address(slug):
    moved = (
        NewsPostSlugRedirect.objects.filter(old_slug=slug, target__in=NewsPost.objects.live())
        .select_related("target")
        .first()
    )
    if moved is None:
        raise Http404("No such news post.")
    return redirect(moved.target, permanent=True)


@require_safe
def news_feed(request):
    return keep_until(NewsFeed()(request), NewsPost.objects.next_publication_time())
