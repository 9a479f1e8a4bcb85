from django.urls import path

from . import account_views, views

app_name = "core"
urlpatterns = [
    path("", views.todo, name="todo"),
    path("deadlines/", views.deadlines, name="deadlines"),
    path("overdue/", views.overdue, name="overdue"),
    path("units/", views.units, name="units"),
    path("units/<int:pk>/", views.unit_edit, name="unit_edit"),
    path("people/", views.people, name="people"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/jobs/", views.calendar_jobs, name="calendar_jobs"),
    path("imports/<int:pk>/", views.import_job, name="import_job"),
    path("rules/", views.rules, name="rules"),
    path("audit/", views.audit_log, name="audit"),
    path("inbox/", views.inbox, name="inbox"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("account/", account_views.account, name="account"),
    path("security/", account_views.security, name="security"),
    path("people/<int:pk>/reveal/<str:field>/", views.reveal, name="reveal"),
]
