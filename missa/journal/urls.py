from django.urls import path, re_path

from . import views
from .feeds import JournalFeed

app_name = "journal"

urlpatterns = [
    path("", views.month_list, name="month-list"),
    path("feed/", JournalFeed(), name="feed"),
    re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.month_detail, name="month-detail"),
    re_path(
        r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/share\.png$",
        views.month_share,
        name="month-share",
    ),
]
