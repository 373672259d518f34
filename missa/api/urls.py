from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("", views.documentation, name="documentation"),
    path("tokens/", views.token_list, name="token-list"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
