from django.urls import path

from declaration import views

app_name = "declaration"

urlpatterns = [
    path("", views.declaration_index, name="index"),
    path("<slug:slug>/", views.principle_detail, name="principle"),
]
