from django.urls import path

from . import views
from .feeds import ActionUpdateFeed

app_name = "actions"

urlpatterns = [
    path("plan/", views.plan_list, name="plan-list"),
    path("plan/<slug:slug>/", views.plan_detail, name="plan-detail"),
    path("plan/<slug:slug>/new/", views.action_new, name="action-new"),
    path("actions/<int:pk>/", views.action_detail, name="action-detail"),
    path("actions/<int:pk>/feed/", ActionUpdateFeed(), name="action-feed"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action-edit"),
    path("actions/<int:pk>/updates/new/", views.update_new, name="update-new"),
    path("actions/<int:pk>/milestones/new/", views.milestone_edit, name="milestone-new"),
    path(
        "actions/<int:pk>/milestones/<int:milestone_pk>/edit/",
        views.milestone_edit,
        name="milestone-edit",
    ),
    path(
        "actions/<int:pk>/milestones/<int:milestone_pk>/done/",
        views.milestone_done,
        name="milestone-done",
    ),
]
