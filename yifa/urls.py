"""URL spaces: ``/`` public portal, ``/staff/`` workspace, ``/api/`` REST, ``/admin/`` Django admin.
Each app's ``urls.py`` is mounted at /staff/<app>/ and its ``portal_urls.py`` at /<app>/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from yifa.api import api
from yifa.core.logins import LoginView, admin_login
from yifa.core.registry import contributions

urlpatterns = [
    path("admin/login/", admin_login),  # one login page: the same lockout and second factor
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("captcha/", include("captcha.urls")),  # images drawn here, no outside service
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("staff/", include("yifa.core.urls")),
]
for name, module in contributions("urls"):
    if name not in {"core", "portal"}:
        urlpatterns.append(path(f"staff/{name}/", include((module, name))))
for name, module in contributions("portal_urls"):
    urlpatterns.append(path(f"{name}/", include((module, f"portal_{name}"))))
urlpatterns.append(path("", include("yifa.portal.urls")))
handler404 = "yifa.portal.views.not_found"
handler500 = "yifa.portal.views.server_error"
