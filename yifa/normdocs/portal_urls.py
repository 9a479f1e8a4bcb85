from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views

urlpatterns = [
    path("", public_page(portal_views.catalogue), name="catalogue"),
    path("<int:pk>/", public_page(portal_views.detail), name="detail"),
    path("data.<str:fmt>", portal_views.export, name="export"),
    path("cleanup/<int:pk>/", public_page(portal_views.campaign), name="campaign"),
    path("cleanup/<int:pk>/<str:kind>.<str:fmt>", portal_views.campaign_file, name="campaign_file"),
]
