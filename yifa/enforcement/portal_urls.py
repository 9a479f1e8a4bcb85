from django.urls import path

from . import portal_views as views

urlpatterns = [
    path("", views.decisions, name="decisions"),
    path("bodies/", views.bodies, name="bodies"),
    path("powers/", views.powers, name="powers"),
    path("benchmarks/", views.benchmarks, name="benchmarks"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("certificates/<str:code>/qr.svg", views.certificate_qr, name="certificate_qr"),
]
