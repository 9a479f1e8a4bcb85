from django.urls import path

from . import portal_views as views

urlpatterns = [
    path("", views.bulletins, name="bulletins"),
    path("complaint/", views.complain, name="complain"),
    path("complaint/sent/", views.complained, name="complained"),
]
