from django.urls import path

from . import views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector-detail"),
    path("privacy/", views.privacy, name="privacy"),
]
