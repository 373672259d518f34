from django.urls import path

from . import views

app_name = "follows"

urlpatterns = [
    path("", views.follow_list, name="follow-list"),
    path("stop/<int:pk>/", views.stop, name="stop"),
    path("<str:label>/<int:pk>/", views.follow_target, name="follow"),
    path("<str:label>/<int:pk>/button/", views.button, name="button"),
]
