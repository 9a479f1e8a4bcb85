from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views as views

urlpatterns = [
    path("", public_page(views.bulletins), name="bulletins"),
    path("complaint/", views.complain, name="complain"),
    path("complaint/sent/", views.complained, name="complained"),
]
