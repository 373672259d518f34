from django.urls import path

from . import views

app_name = "actors"

urlpatterns = [
    path("", views.actor_list, name="actor-list"),
    path("<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("<slug:slug>/report/", views.report, name="actor-report"),
    path("<slug:slug>/edit/", views.edit, name="actor-edit"),
    path("<slug:slug>/history/", views.history, name="actor-history"),
    path("<slug:slug>/history/<int:pk>/revert/", views.revert, name="actor-revert"),
    path("<slug:slug>/reports/", views.reports, name="actor-reports"),
    path("<slug:slug>/reports/<int:pk>/hide/", views.hide, name="activity-hide"),
]
