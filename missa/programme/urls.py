from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.programme, name="programme"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
]
