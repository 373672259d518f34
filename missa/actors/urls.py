from django.urls import path

from . import views

app_name = "actors"

urlpatterns = [
    path("", views.actor_list, name="actor-list"),
    path("<slug:slug>/edit/", views.edit, name="actor-edit"),
    path("<slug:slug>/history/", views.history, name="actor-history"),
    path("<slug:slug>/history/<int:pk>/revert/", views.revert, name="actor-revert"),
]
