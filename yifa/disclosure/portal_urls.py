from django.urls import path

from . import portal_views as views

urlpatterns = [
    path("", views.units, name="units"),
    path("units/<int:pk>/", views.unit_page, name="unit"),
    path("apply/", views.apply, name="apply"),
    path("apply/done/", views.applied, name="applied"),
    path("status/", views.status, name="status"),
]
