from django.urls import path

from . import portal_views

urlpatterns = [
    path("reports/", portal_views.report_list, name="reports"),
    path("reports/<int:pk>/", portal_views.report_detail, name="report"),
]
