from django.urls import path

from . import views
from .actions import ASSIGNMENT_ACTIONS, INFO_ACTIONS, PLAN_ACTIONS, REPORT_ACTIONS, TASK_ACTIONS

urlpatterns = [
    path("reports/", views.reports, name="reports"),
    path("reports/new/", views.report_create, name="report_create"),
    path("reports/due/", views.due_set, name="due_set"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/<str:name>/", REPORT_ACTIONS.view(), name="report_act"),
    path("", views.plans, name="plans"),
    path("import/", views.plan_import, name="plan_import"),
    path("<int:pk>/", views.plan, name="plan"),
    path("<int:pk>/export.<str:fmt>", views.plan_export, name="plan_export"),
    path("<int:pk>/<str:name>/", PLAN_ACTIONS.view(), name="plan_act"),
    path("tasks/<int:pk>/", views.task, name="task"),
    path("tasks/<int:pk>/<str:name>/", TASK_ACTIONS.view(), name="task_act"),
    path("assignments/<int:pk>/<str:name>/", ASSIGNMENT_ACTIONS.view(), name="assignment_act"),
    path("board/", views.board, name="board"),
    path(
        "board/urge/",
        ASSIGNMENT_ACTIONS.bulk_view("urge", "plans:board", lambda n: f"已向{n}个逾期事项的责任单位发出催办通知"),
        name="urge_selected",
    ),
    path("info/", views.info, name="info"),
    path("info/new/", views.info_submit, name="info_submit"),
    path("info/<int:pk>/<str:name>/", INFO_ACTIONS.view(), name="info_act"),
    path("institutions/", views.institutions, name="institutions"),
    path("institutions/new/", views.institution_define, name="institution_define"),
    path("institutions/<int:pk>/record/", views.institution_record, name="institution_record"),
]
