"""A URL configuration for the page cache's tests: the site's own, plus a public
file sent as a stream, as an open data file too big to hold is."""

from django.http import StreamingHttpResponse
from django.urls import path

from localdigital.core.page_cache import public_page
from localdigital.urls import urlpatterns

ROWS = [f"{number},Council {number}\n".encode() for number in range(2000)]


@public_page
def streamed_csv(request):
    return StreamingHttpResponse(iter(ROWS), content_type="text/csv; charset=utf-8")


urlpatterns = [*urlpatterns, path("streamed.csv", streamed_csv)]
