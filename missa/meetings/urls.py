from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/calendar.ics", views.calendar_feed, name="calendar"),
    path("meetings/documents/<int:pk>/", views.document, name="document"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<slug:slug>/calendar.ics", views.meeting_calendar, name="meeting-calendar"),
    path("meetings/<slug:slug>/roll/", views.meeting_roll, name="meeting-roll"),
    path("meetings/<slug:slug>/minutes/", views.meeting_minutes, name="meeting-minutes"),
    path("meetings/<slug:slug>/decisions/new/", views.decision_new, name="decision-new"),
    path("decisions/", views.decision_list, name="decision-list"),
    path("decisions/<int:number>/", views.decision_detail, name="decision-detail"),
]
