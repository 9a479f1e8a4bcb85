from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views as views

urlpatterns = [
    path("", public_page(views.catalogue), name="catalogue"),
    path("items/<int:pk>/", public_page(views.item), name="item"),
    path("items/<int:pk>/apply/", views.apply, name="apply"),
    path("items/<int:pk>/promise/", views.promise_letter, name="promise"),
    path("applied/", views.applied, name="applied"),
    path("status/", views.status, name="status"),
    path("decisions/", public_page(views.decisions), name="decisions"),
    path("certificates/", views.certificate, name="certificate"),
]
