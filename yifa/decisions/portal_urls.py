from django.urls import path

from . import portal_views as views

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.decision, name="decision"),
    path("<int:pk>/comment/", views.comment, name="comment"),
    path("comments/<str:code>/", views.receipt, name="receipt"),
    path("hearings/<int:pk>/", views.hearing, name="hearing"),
    path("signups/<str:code>/", views.signup, name="signup"),
    path("catalogues/", views.catalogues, name="catalogues"),
]
