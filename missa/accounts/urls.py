from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("my-data/", views.my_data, name="my-data"),
    path("delete/", views.delete, name="delete"),
    path("two-factor/", views.two_factor, name="two-factor"),
    path("two-factor/done/", views.two_factor_done, name="two-factor-done"),
]
