"""The declaration's addresses. localdigital.urls adds each principle's page to
this namespace: those pages list other apps' records."""

from django.urls import path

from declaration import views
from localdigital.core.page_cache import public_page

app_name = "declaration"

urlpatterns = [
    path("", public_page(views.declaration_index), name="index"),
]
