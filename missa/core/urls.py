from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector-detail"),
    path("privacy/", views.privacy, name="privacy"),
]
