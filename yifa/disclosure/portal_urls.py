from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views as views

urlpatterns = [
    path("", public_page(views.units), name="units"),
    path("units/<int:pk>/", public_page(views.unit_page), name="unit"),
    path("apply/", views.apply, name="apply"),
    path("apply/done/", views.applied, name="applied"),
    path("status/", views.status, name="status"),
]
