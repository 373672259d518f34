from django.urls import path

from . import views
from .feeds import CallIdeaFeed

app_name = "participation"

urlpatterns = [
    path("calls/", views.call_list, name="call-list"),
    path("calls/<slug:slug>/", views.call_detail, name="call-detail"),
    path("calls/<slug:slug>/feed/", CallIdeaFeed(), name="call-feed"),
    path("calls/<slug:slug>/propose/", views.propose, name="idea-propose"),
    path("ideas/", views.idea_list, name="idea-list"),
    path("ideas/<int:pk>/", views.idea_detail, name="idea-detail"),
    path("ideas/<int:pk>/support/", views.support, name="idea-support"),
    path("ideas/<int:pk>/edit/", views.idea_edit, name="idea-edit"),
    path("ideas/<int:pk>/withdraw/", views.idea_withdraw, name="idea-withdraw"),
    path("ideas/<int:pk>/answer/", views.idea_answer, name="idea-answer"),
    path("consultations/<slug:slug>/", views.consultation_detail, name="consultation-detail"),
    path(
        "consultations/<slug:slug>/answer/", views.consultation_answer, name="consultation-answer"
    ),
    path(
        "consultations/<slug:slug>/results/",
        views.consultation_results,
        name="consultation-results",
    ),
    path("consultations/<slug:slug>/answers.csv", views.consultation_csv, name="consultation-csv"),
]
