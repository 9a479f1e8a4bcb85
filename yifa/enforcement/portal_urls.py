from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views as views

urlpatterns = [
    path("", public_page(views.decisions), name="decisions"),
    path("bodies/", public_page(views.bodies), name="bodies"),
    path("powers/", public_page(views.powers), name="powers"),
    path("benchmarks/", public_page(views.benchmarks), name="benchmarks"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("certificates/<str:code>/qr.svg", views.certificate_qr, name="certificate_qr"),
]
