from django.urls import path

from . import actions, register_views, views

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.case, name="case"),
    path("<int:pk>/act/<str:name>/", actions.ACTIONS.view(), name="act"),
    path("officers/", views.officers, name="officers"),
    path("officers/<int:pk>/", views.officer, name="officer"),
    path("certificates/<int:pk>/act/<str:name>/", actions.CERTIFICATE_ACTIONS.view(), name="certificate_act"),
    path("officers/new/", register_views.officer_new, name="officer_new"),
    path("bodies/", views.bodies, name="bodies"),
    path("bodies/new/", register_views.body_new, name="body_new"),
    path("bodies/<int:pk>/", register_views.body, name="body"),
    path("powers/", register_views.powers, name="powers"),
    path("powers/new/", register_views.power_new, name="power_new"),
    path("powers/<int:pk>/", register_views.power, name="power"),
    path("benchmarks/", views.benchmarks, name="benchmarks"),
    path("statistics/", views.statistics, name="statistics"),
    path("outside/", views.outside, name="outside"),
]
