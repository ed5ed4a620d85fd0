"""The declaration's addresses. localdigital.urls adds each principle's page to
this namespace: those pages list other apps' records."""

from django.urls import path

from declaration import views

app_name = "declaration"

urlpatterns = [
    path("", views.declaration_index, name="index"),
]
