"""Public pages of news, events and programme pages, and their files.

Every one is the same for each visitor, so each is `public_page` (kept whole in the cache).
The co-publishers' page is under /declaration/, so localdigital.urls adds it there."""

from django.urls import path

from localdigital.core.page_cache import public_page
from programme.views import events, news, pages

app_name = "programme"

urlpatterns = [
    path("news/", public_page(news.news_list), name="news"),
    path("news/<slug:slug>/", public_page(news.news_post), name="news-post"),
    path("news.atom", public_page(news.news_feed), name="news-feed"),
    path("events/", public_page(events.event_list), name="events"),
    path("events/<slug:slug>/", public_page(events.event_detail), name="event"),
    path("events/<slug:slug>.ics", public_page(events.event_ics), name="event-ics"),
    path("events.ics", public_page(events.events_ics), name="events-ics"),
    path("events.csv", public_page(events.events_csv), name="events-csv"),
    path("events.json", public_page(events.events_json), name="events-json"),
    path("programme/", public_page(pages.programme_index), name="index"),
    path("programme/<slug:slug>/", public_page(pages.programme_page), name="page"),
]
