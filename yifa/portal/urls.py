from django.urls import path

from yifa.core.page_cache import public_page

from . import views

app_name = "portal"
urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("search/", public_page(views.search), name="search"),
    path("<slug:module>/", public_page(views.module_home), name="module"),
]
