from django.urls import path, re_path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.open_data, name="open-data"),
    re_path(r"^(?P<name>[a-z0-9-]+\.(?:csv|json))$", views.download, name="download"),
]
