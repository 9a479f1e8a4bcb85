from django.urls import path

from yifa.core.page_cache import public_page

from . import portal_views as views

urlpatterns = [
    path("", public_page(views.index), name="index"),
    path("<int:pk>/", public_page(views.decision), name="decision"),
    path("<int:pk>/comment/", views.comment, name="comment"),
    path("comments/<str:code>/", views.receipt, name="receipt"),
    path("hearings/<int:pk>/", public_page(views.hearing), name="hearing"),
    path("signups/<str:code>/", views.signup, name="signup"),
    path("catalogues/", public_page(views.catalogues), name="catalogues"),
]
