"""The password backend, reading the signed-in person on each request with what every page asks next."""

from django.contrib.auth.backends import ModelBackend

from .models import User


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = User.for_session().filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
