from django.urls import path

from . import views

app_name = "charter"

urlpatterns = [
    path("", views.charter, name="charter"),
    path("v<int:number>/", views.charter, name="version-detail"),
]
