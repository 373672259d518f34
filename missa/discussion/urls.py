from django.urls import path

from . import views

app_name = "discussion"

urlpatterns = [
    path("comments/on/<str:target_label>/<int:pk>/", views.comment_post, name="comment-post"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment-edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment-delete"),
    path("report/<str:target_label>/<int:pk>/", views.report_content, name="report"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/<int:pk>/hide/", views.moderation_hide, name="moderation-hide"),
    path("moderation/<int:pk>/dismiss/", views.moderation_dismiss, name="moderation-dismiss"),
]
