from django.urls import path

from . import views

app_name = "press"

urlpatterns = [
    path("", views.press, name="press"),
    path("<slug:slug>/", views.release, name="release"),
]
