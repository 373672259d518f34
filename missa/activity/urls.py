from django.urls import path

from . import views
from .feeds import ActorActivityFeed

app_name = "activity"

# Under /actors/ (config/urls.py): an actor's reported actions are part of its pages.
urlpatterns = [
    path("<slug:slug>/activities/<int:pk>/", views.activity_detail, name="activity-detail"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/reports/", views.reports, name="reports"),
    path("<slug:slug>/reports/<int:pk>/hide/", views.hide, name="hide"),
    path("<slug:slug>/feed/", ActorActivityFeed(), name="actor-feed"),
]
