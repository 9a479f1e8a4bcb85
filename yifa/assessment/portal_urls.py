from django.urls import path

from . import portal_views

urlpatterns = [
    path("shufa/", portal_views.shufa_list, name="shufa_list"),
    path("shufa/<int:pk>/", portal_views.shufa, name="shufa"),
]
