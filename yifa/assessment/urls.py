from django.urls import path

from . import views
from .actions import OBJECTION_ACTIONS, REPORT_ACTIONS

urlpatterns = [
    path("", views.cockpit, name="cockpit"),
    path("units/<int:pk>/", views.unit, name="unit"),
    path("units/<int:pk>/records/<str:code>/", views.unit_records, name="unit_records"),
    path("units/<int:pk>/duties/", views.unit_duties, name="unit_duties"),
    path("units/<int:pk>/duties/<int:duty>/", views.unit_duty_record, name="unit_duty_record"),
    path("duties/", views.duty_list, name="duties"),
    path("duties/new/", views.duty_add, name="duty_add"),
    path("duties/<int:pk>/retire/", views.duty_retire, name="duty_retire"),
    path("ranking/confirm/", views.ranking_confirm, name="ranking_confirm"),
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/set/", views.indicator_set, name="indicator_set"),
    path("indicators/new/", views.manual_indicator_add, name="manual_indicator_add"),
    path("indicators/<str:code>/scores/", views.manual_scores, name="manual_scores"),
    path("indicators/<str:code>/scores/set/", views.manual_score_set, name="manual_score_set"),
    path("objections/", views.objections, name="objections"),
    path("objections/new/", views.objection_file, name="objection_file"),
    path("objections/<int:pk>/", views.objection, name="objection"),
    path("objections/<int:pk>/<str:name>/", OBJECTION_ACTIONS.view(), name="objection_act"),
    path("reports/", views.reports, name="reports"),
    path("reports/new/", views.report_draft, name="report_draft"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/<str:name>/", REPORT_ACTIONS.view(), name="report_act"),
]
