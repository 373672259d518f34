from django.urls import path

from . import views

app_name = "actors"

urlpatterns = [
    path("", views.actor_list, name="actor-list"),
    path("<slug:slug>/", views.actor_detail, name="actor-detail"),
]
