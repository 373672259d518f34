"""URL map: French pages at /, English ones under /en/."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve

from missa.api.main import api
from missa.site import views as site_views

handler400 = "missa.site.views.bad_request"
handler403 = "missa.site.views.permission_denied"
handler404 = "missa.site.views.page_not_found"
handler500 = "missa.site.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", site_views.healthz, name="healthz"),
    # The API speaks both languages in each answer: one address for all.
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("missa.site.urls")),
    path("programme/", include("missa.programme.urls")),
    path("journal/", include("missa.journal.urls")),
    path("actors/", include("missa.actors.urls")),
    path("actors/", include("missa.activity.urls")),
    path("charter/", include("missa.charter.urls")),
    path("network/", include("missa.applications.urls")),
    path("brand-kit/", include("missa.brandkit.urls")),
    path("press/", include("missa.press.urls")),
    path("", include("missa.participation.urls")),
    path("", include("missa.meetings.urls")),
    path("", include("missa.actions.urls")),
    path("", include("missa.indicators.urls")),
    path("", include("missa.discussion.urls")),
    path("api/", include("missa.api.urls")),
    path("open-data/", include("missa.opendata.urls")),
    path("follows/", include("missa.follows.urls")),
    path("letter/", include("missa.letters.urls")),
    path("accounts/", include("missa.accounts.urls")),
    path("notifications/", include("missa.notifications.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG or settings.MISSA_SERVE_MEDIA:
    # `make run` and `make dev` serve uploads themselves; production lets the web server do it.
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(re.escape(settings.MEDIA_URL.lstrip("/"))),
            serve,
            {"document_root": settings.MEDIA_ROOT},
            name="media",
        )
    ]
