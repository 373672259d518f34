from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("join/", views.join, name="join"),
    path("apply/", views.apply, name="apply"),
    path("my-applications/", views.my_applications, name="my-applications"),
    path("my-applications/<int:pk>/", views.application_detail, name="application-detail"),
    path("my-applications/<int:pk>/withdraw/", views.withdraw, name="application-withdraw"),
    path("review/", views.review_queue, name="review-queue"),
    path("review/<int:pk>/", views.review_detail, name="review-detail"),
    # One address per decision, each a POST.
    path("review/<int:pk>/start/", views.review_start, name="review-start"),
    path("review/<int:pk>/approve/", views.review_approve, name="review-approve"),
    path("review/<int:pk>/reject/", views.review_reject, name="review-reject"),
    path("review/<int:pk>/suspend/", views.review_suspend, name="review-suspend"),
]
