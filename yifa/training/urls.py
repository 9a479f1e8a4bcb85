from django.urls import path

from . import views
from .actions import OUTLINE_ACTIONS, PLAN_ACTIONS

urlpatterns = [
    path("", views.hours, name="hours"),
    path("requirements/", views.requirement_set, name="requirement_set"),
    path("courses/", views.courses, name="courses"),
    path("courses/new/", views.course_create, name="course_create"),
    path("courses/<int:pk>/", views.course, name="course"),
    path("courses/<int:pk>/signin/", views.signin_window, name="signin_window"),
    path("signin/<str:code>/", views.signin_page, name="signin"),
    path("study/", views.studies, name="studies"),
    path("study/new/", views.study_create, name="study_create"),
    path("study/<int:pk>/", views.study, name="study"),
    path("study/<int:pk>/meeting/", views.study_attach, name="study_attach"),
    path("courses/<int:pk>/exam/", views.exam_record, name="exam"),
    path("people/<int:pk>/", views.person, name="person"),
    path("plans/", views.plans, name="plans"),
    path("plans/outline/new/", views.outline_create, name="outline_create"),
    path("plans/outline/<int:pk>/", views.outline, name="outline"),
    path("plans/outline/<int:pk>/<str:name>/", OUTLINE_ACTIONS.view(), name="outline_act"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/<str:name>/", PLAN_ACTIONS.view(), name="plan_act"),
]
