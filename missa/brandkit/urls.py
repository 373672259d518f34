from django.urls import path

from . import views

app_name = "brandkit"

urlpatterns = [
    path("", views.kit, name="kit"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/preview.png", views.preview, name="preview"),
    # An SVG asset is its own preview (cleaned at upload, core.svg).
    path("<int:pk>/preview.svg", views.preview, {"vector": True}, name="preview-svg"),
    path("conditions/", views.conditions, name="conditions"),
    path("report/", views.report, name="report"),
    path("badge/<slug:slug>/", views.badge, name="badge"),
    path("download-all/", views.download_all, name="download-all"),
]
