from django.urls import path

from . import views

urlpatterns = [
    path("reports/", views.reports, name="reports"),
    path("reports/new/", views.report_create, name="report_create"),
    path("reports/due/", views.due_set, name="due_set"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/<str:action>/", views.report_act, name="report_act"),
    path("", views.plans, name="plans"),
    path("import/", views.plan_import, name="plan_import"),
    path("<int:pk>/", views.plan, name="plan"),
    path("<int:pk>/correct/", views.plan_correct, name="plan_correct"),
    path("<int:pk>/urge/", views.plan_urge, name="plan_urge"),
    path("<int:pk>/export.<str:fmt>", views.plan_export, name="plan_export"),
    path("tasks/<int:pk>/", views.task, name="task"),
    path("tasks/<int:pk>/close/", views.task_close, name="task_close"),
    path("assignments/<int:pk>/progress/", views.progress, name="progress"),
    path("assignments/<int:pk>/urge/", views.urge, name="urge"),
    path("board/", views.board, name="board"),
    path("info/", views.info, name="info"),
    path("info/new/", views.info_submit, name="info_submit"),
    path("info/<int:pk>/decide/", views.info_decide, name="info_decide"),
    path("institutions/", views.institutions, name="institutions"),
    path("institutions/new/", views.institution_define, name="institution_define"),
    path("institutions/<int:pk>/record/", views.institution_record, name="institution_record"),
]
