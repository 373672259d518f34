"""URL map: French pages at /, English ones under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from missa.core import views as core_views

handler404 = "missa.core.views.page_not_found"
handler500 = "missa.core.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", core_views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", include("missa.core.urls")),
    path("programme/", include("missa.programme.urls")),
    path("journal/", include("missa.journal.urls")),
    path("actors/", include("missa.actors.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
