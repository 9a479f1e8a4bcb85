from django.urls import path

from . import actions, views

urlpatterns = [
    path("", views.cockpit, name="index"),
    path("campaigns/", views.campaigns, name="campaigns"),
    path("campaigns/<int:pk>/", views.campaign, name="campaign"),
    path("campaigns/<int:pk>/act/<str:name>/", actions.CAMPAIGN_ACTIONS.view(), name="campaign_act"),
    path("files/<int:pk>/", views.review_file, name="file"),
    path("files/<int:pk>/act/<str:name>/", actions.FILE_ACTIONS.view(), name="file_act"),
    path("files/<int:pk>/notice/", views.file_notice, name="file_notice"),
    path("notices/", views.notices, name="notices"),
    path("notices/<int:pk>/", views.notice, name="notice"),
    path("notices/<int:pk>/act/<str:name>/", actions.NOTICE_ACTIONS.view(), name="notice_act"),
    path("filings/", views.filings, name="filings"),
    path("filings/<int:pk>/", views.filing, name="filing"),
    path("filings/<int:pk>/act/<str:name>/", actions.FILING_ACTIONS.view(), name="filing_act"),
    path("accountability/", views.accountabilities, name="accountabilities"),
    path("accountability/new/", views.accountability_new, name="accountability_new"),
    path("accountability/<int:pk>/", views.accountability, name="accountability"),
    path("accountability/<int:pk>/act/<str:name>/", actions.ACC_ACTIONS.view(), name="accountability_act"),
    path("complaints/", views.complaints, name="complaints"),
    path("complaints/new/", views.complaint_new, name="complaint_new"),
    path("complaints/<int:pk>/", views.complaint, name="complaint"),
    path("complaints/<int:pk>/act/<str:name>/", actions.COMPLAINT_ACTIONS.view(), name="complaint_act"),
    path("disputes/", views.disputes, name="disputes"),
    path("disputes/<int:pk>/", views.dispute, name="dispute"),
    path("disputes/<int:pk>/act/<str:name>/", actions.DISPUTE_ACTIONS.view(), name="dispute_act"),
    path("inspections/", views.inspections, name="inspections"),
    path("inspections/<int:pk>/", views.inspection, name="inspection"),
    path("inspections/<int:pk>/act/<str:name>/", actions.INSPECTION_ACTIONS.view(), name="inspection_act"),
    path("statistics/", views.statistics, name="statistics"),
]
