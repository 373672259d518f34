from django.urls import path

from missa.activity.feeds import SectorActivityFeed

from . import views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector-detail"),
    path("sectors/<slug:slug>/feed/", SectorActivityFeed(), name="sector-feed"),
    path("privacy/", views.privacy, name="privacy"),
    path("legal/", views.legal, name="legal"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("contact/", views.contact, name="contact"),
    path("my-organisation/", views.my_organisation, name="my-organisation"),
    # An actor's page shows the ledger too: it sits above both (the directory stays in actors).
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("actors/<slug:slug>/share.png", views.actor_share, name="actor-share"),
]
