from django.urls import path

from . import actions, views, views_campaigns

urlpatterns = [
    path("", views.document_list, name="list"),
    path("new/", views.document_create, name="create"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/act/<str:name>/", actions.ACTIONS.view(), name="act"),
    path("filing/", views.filing_board, name="filing"),
    path("screening/", views.screen_rules, name="screen_rules"),
    path("import/", views.import_catalogue, name="import"),
    path("campaigns/", views_campaigns.campaign_list, name="campaigns"),
    path("campaigns/<int:pk>/", views_campaigns.campaign_detail, name="campaign"),
    path("campaigns/<int:pk>/act/<str:name>/", actions.CAMPAIGN_ACTIONS.view(), name="campaign_act"),
    path("campaigns/<int:pk>/<str:kind>.<str:fmt>", views_campaigns.campaign_catalogue, name="catalogue"),
    path("items/<int:pk>/", views_campaigns.item_detail, name="item"),
    path("items/<int:pk>/act/<str:name>/", actions.ITEM_ACTIONS.view(), name="item_act"),
]
