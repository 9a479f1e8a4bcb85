from django.urls import path

from . import portal_views

urlpatterns = [
    path("", portal_views.catalogue, name="catalogue"),
    path("<int:pk>/", portal_views.detail, name="detail"),
    path("data.<str:fmt>", portal_views.export, name="export"),
    path("cleanup/<int:pk>/", portal_views.campaign, name="campaign"),
    path("cleanup/<int:pk>/<str:kind>.<str:fmt>", portal_views.campaign_file, name="campaign_file"),
]
