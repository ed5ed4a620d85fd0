"""The pages behind the links in followers' emails (none is a public page:
each is about one person and carries a form)."""

from django.urls import path

from subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("one-click/<str:token>/", views.one_click, name="one-click"),
]
