from django.urls import path

from . import views

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
]
