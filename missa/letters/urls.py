from django.urls import path, re_path

from . import views

app_name = "letters"

urlpatterns = [
    path("", views.subscribe_page, name="subscribe"),
    path("confirm/<str:token>/", views.confirm_page, name="confirm"),
    path("unsubscribe/<str:key>/", views.unsubscribe_page, name="unsubscribe"),
    path("editors/", views.letter_list, name="letter-list"),
    re_path(r"^editors/(?P<month>[0-9]{4}-[0-9]{2})/$", views.letter_preview, name="preview"),
    re_path(r"^editors/(?P<month>[0-9]{4}-[0-9]{2})/send/$", views.letter_send, name="send"),
]
