from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views as views

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/done/", views.applied, name="applied"),
    path("apply/receipt.docx", views.receipt, name="receipt"),
    path("status/", views.status, name="status"),
    path("decisions/", public_page(views.decisions), name="decisions"),
    path("decisions/<int:pk>/", public_page(views.decision), name="decision"),
]
