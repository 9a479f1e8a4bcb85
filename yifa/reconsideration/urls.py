from django.urls import path

from . import norm_views, views

urlpatterns = [
    path("", views.board, name="board"),
    path("cases/", views.cases, name="cases"),
    path("cases/new/", views.intake, name="intake"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/act/<str:name>/", views.act, name="act"),
    path("cases/<int:pk>/documents/<str:kind>.docx", views.document, name="document"),
    path("cases/<int:pk>/reply/", views.reply, name="reply"),
    path("replies/", views.respondent_inbox, name="inbox"),
    path("norms/", norm_views.norm_inbox, name="norm_inbox"),
    path("submissions/", norm_views.organ_submissions, name="submissions"),
    path("norms/<int:pk>/<str:step>/", norm_views.norm_step, name="norm_step"),
    path("committee/", views.committee_page, name="committee"),
    path("opinions/", views.opinion_letters, name="opinions"),
    path("statistics/", views.stats, name="stats"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/templates/<str:kind>.docx", views.template_download, name="template"),
]
