from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("indicators/", views.dashboard, name="dashboard"),
    path("indicators/import/", views.measurement_import, name="import"),
    path("indicators/<slug:slug>/", views.indicator_detail, name="indicator-detail"),
    path("indicators/<slug:slug>/data.csv", views.indicator_csv, name="indicator-csv"),
    path("indicators/<slug:slug>/measure/", views.measurement_new, name="measurement-new"),
]
