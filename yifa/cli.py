"""The ``yifa`` command: Django's management commands plus the project's own
(deadline, rules, audit, sweep, demo, seed, and each module's)."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    if os.environ["DJANGO_SETTINGS_MODULE"] == "yifa.settings":
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)  # the default SQLite database lives there

    argv = list(sys.argv if argv is None else argv)
    execute_from_command_line(["yifa", *argv[1:]])


if __name__ == "__main__":
    main()
