from django.urls import path

from . import views
from .actions import REPORT_ACTIONS

urlpatterns = [
    path("", views.cockpit, name="cockpit"),
    path("units/<int:pk>/", views.unit, name="unit"),
    path("reports/", views.reports, name="reports"),
    path("reports/new/", views.report_draft, name="report_draft"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/<str:name>/", REPORT_ACTIONS.view(), name="report_act"),
]
