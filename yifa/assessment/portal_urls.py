from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views

urlpatterns = [
    path("shufa/", public_page(portal_views.shufa_list), name="shufa_list"),
    path("shufa/<int:pk>/", public_page(portal_views.shufa), name="shufa"),
]
