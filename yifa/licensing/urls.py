from django.urls import path

from . import actions, views

urlpatterns = [
    path("", views.item_list, name="items"),
    path("items/<int:pk>/", views.item_page, name="item"),
    path("items/<int:pk>/act/<str:name>/", actions.ITEM_ACTIONS.view(), name="item_act"),
    path("import/", views.import_items, name="import"),
    path("higher/", views.higher_list, name="higher"),
    path("applications/", views.application_list, name="applications"),
    path("applications/new/", views.intake, name="intake"),
    path("applications/<int:pk>/", views.application_page, name="application"),
    path("applications/<int:pk>/documents/<str:kind>/", views.application_document, name="document"),
    path("applications/<int:pk>/act/<str:name>/", actions.APPLICATION_ACTIONS.view(), name="application_act"),
    path("statistics/", views.statistics, name="statistics"),
    path("templates/", views.template_list, name="templates"),
    path("templates/<str:kind>.docx", views.template_download, name="template"),
    path("reform/", views.reform_list, name="reform"),
    path("reform/<int:pk>/", views.reform_entry, name="reform_entry"),
    path("reform/export.xlsx", views.reform_export, name="reform_export"),
    path("promise/", views.promise_draws, name="draws"),
    path("promise/<int:pk>/", views.draw_page, name="draw"),
    path("promise/checks/<int:pk>/act/<str:name>/", actions.CHECK_ACTIONS.view(), name="check_act"),
    path("certificates/", views.certificate_list, name="certificates"),
    path("certificates/<int:pk>/", views.certificate_page, name="certificate"),
    path("certificates/<int:pk>/document/", views.certificate_document, name="certificate_document"),
    path("certificates/<int:pk>/act/<str:name>/", actions.CERTIFICATE_ACTIONS.view(), name="certificate_act"),
]
