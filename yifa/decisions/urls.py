from django.urls import path

from . import actions, views

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<str:name>/", actions.ACTIONS.view(), name="act"),
    path("<int:pk>/timeline/", views.timeline, name="timeline"),
    path("<int:pk>/reveal/<str:kind>/<int:row>/", views.reveal, name="reveal"),
    path("<int:pk>/archive.zip", views.archive, name="archive"),
    path("catalogues/", views.catalogues, name="catalogues"),
    path("catalogues/<int:pk>/", views.catalogue, name="catalogue"),
    path("catalogues/<int:pk>/act/<str:name>/", actions.CATALOGUE_ACTIONS.view(), name="catalogue_act"),
    path("rules/", views.rules_board, name="rules_board"),
]
