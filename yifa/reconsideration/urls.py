from django.urls import path

from . import actions, held_views, norm_views, views

urlpatterns = [
    path("", views.board, name="board"),
    path("cases/", views.cases, name="cases"),
    path("cases/new/", views.intake, name="intake"),
    path("cases/<int:pk>/", views.case_page, name="case"),
    path("cases/<int:pk>/act/<str:name>/", actions.ACTIONS.view(), name="act"),
    path("cases/<int:pk>/parties/<int:party>/reveal/<str:field>/", views.reveal, name="reveal"),
    path("cases/<int:pk>/documents/<str:kind>.docx", views.document, name="document"),
    path("cases/<int:pk>/reply/", views.reply, name="reply"),
    path("replies/", views.respondent_inbox, name="inbox"),
    path("norms/", norm_views.norm_inbox, name="norm_inbox"),
    path("norms/<int:pk>/", norm_views.norm_review, name="norm_review"),
    path("norms/<int:pk>/act/<str:name>/", actions.NORM_ACTIONS.view(), name="norm_act"),
    path("submissions/", norm_views.organ_submissions, name="submissions"),
    path("submissions/<int:pk>/forwarding.docx", norm_views.forwarding_letter, name="forwarding_letter"),
    path("submissions/<int:pk>/act/<str:name>/", actions.SUBMISSION_ACTIONS.view(), name="submission_act"),
    path("held/", held_views.held, name="held"),
    path("held/<int:pk>/act/<str:name>/", held_views.HELD_ACTIONS.view(), name="held_act"),
    path("committee/", views.committee_page, name="committee"),
    path("opinions/", views.opinion_letters, name="opinions"),
    path("opinions/<int:pk>/act/<str:name>/", actions.LETTER_ACTIONS.view(), name="letter_act"),
    path("statistics/", views.stats, name="stats"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/templates/<str:kind>.docx", views.template_download, name="template"),
]
