from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views

urlpatterns = [
    path("reports/", public_page(portal_views.report_list), name="reports"),
    path("reports/<int:pk>/", public_page(portal_views.report_detail), name="report"),
]
