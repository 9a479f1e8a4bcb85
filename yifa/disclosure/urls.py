from django.urls import path

from . import actions, views

urlpatterns = [
    path("", views.board, name="board"),
    path("requests/", views.request_list, name="requests"),
    path("requests/new/", views.register, name="register"),
    path("requests/<int:pk>/", views.request_page, name="request"),
    path("requests/<int:pk>/act/<str:name>/", actions.ACTIONS.view(), name="act"),
    path("requests/<int:pk>/documents/<str:kind>.docx", views.document, name="document"),
    path("units/<int:unit_pk>/catalogue/", views.catalogue_page, name="catalogue"),
    path("units/<int:unit_pk>/guide/", views.guide_edit, name="guide"),
    path("catalogue/<int:pk>/act/<str:name>/", actions.CATALOGUE_ACTIONS.view(), name="item_act"),
    path("units/<int:unit_pk>/report/<int:year>/", views.report_page, name="report"),
    path("units/<int:unit_pk>/challenges/", views.challenge_list, name="challenges"),
    path("challenges/<int:pk>/", views.challenge_edit, name="challenge"),
    path("import/", views.import_ledger, name="import"),
]
