from django.urls import path

from . import actions, views

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.case, name="case"),
    path("<int:pk>/act/<str:name>/", actions.ACTIONS.view(), name="act"),
    path("officers/", views.officers, name="officers"),
    path("officers/<int:pk>/", views.officer, name="officer"),
    path("certificates/<int:pk>/act/<str:name>/", actions.CERTIFICATE_ACTIONS.view(), name="certificate_act"),
    path("bodies/", views.bodies, name="bodies"),
    path("benchmarks/", views.benchmarks, name="benchmarks"),
    path("statistics/", views.statistics, name="statistics"),
    path("outside/", views.outside, name="outside"),
]
