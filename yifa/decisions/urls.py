from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/do/<slug:action>/", views.act, name="act"),
    path("<int:pk>/timeline/", views.timeline, name="timeline"),
    path("<int:pk>/archive.zip", views.archive, name="archive"),
    path("catalogues/", views.catalogues, name="catalogues"),
    path("catalogues/<int:pk>/<slug:action>/", views.catalogue_act, name="catalogue_act"),
    path("rules/", views.rules_board, name="rules_board"),
]
