from django.urls import path

from . import actions, screening_views, views, views_campaigns

urlpatterns = [
    path("", views.document_list, name="list"),
    path("new/", views.document_create, name="create"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/act/<str:name>/", actions.ACTIONS.view(), name="act"),
    path("filing/", views.filing_board, name="filing"),
    path("screening/", views.screen_rules, name="screen_rules"),
    path("screening/check/", screening_views.screening_check, name="screening_check"),
    path("screening/mark/", screening_views.screening_mark, name="screening_mark"),
    path("screening/examples/", screening_views.screening_examples, name="screening_examples"),
    path("import/", views.import_catalogue, name="import"),
    path("campaigns/", views_campaigns.campaign_list, name="campaigns"),
    path("campaigns/<int:pk>/", views_campaigns.campaign_detail, name="campaign"),
    path("campaigns/<int:pk>/act/<str:name>/", actions.CAMPAIGN_ACTIONS.view(), name="campaign_act"),
    path("campaigns/<int:pk>/<str:kind>.<str:fmt>", views_campaigns.campaign_catalogue, name="catalogue"),
    path("items/<int:pk>/", views_campaigns.item_detail, name="item"),
    path("items/<int:pk>/act/<str:name>/", actions.ITEM_ACTIONS.view(), name="item_act"),
]
