from django.urls import path

from . import portal_views as views

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/done/", views.applied, name="applied"),
    path("apply/receipt.docx", views.receipt, name="receipt"),
    path("status/", views.status, name="status"),
    path("decisions/", views.decisions, name="decisions"),
    path("decisions/<int:pk>/", views.decision, name="decision"),
]
