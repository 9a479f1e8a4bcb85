"""Errors every interface turns into a Chinese message naming the field."""


class YifaError(Exception):
    status = 400

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def as_dict(self) -> dict:
        return {"detail": self.message, "field": self.field}


class InvalidInput(YifaError):
    """Several fields wrong at once; ``errors`` maps field → message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        field, message = next(iter(errors.items()))
        text = "；".join(errors.values())
        super().__init__(text, field=field)

    def as_dict(self) -> dict:
        return {"detail": self.message, "field": self.field, "errors": self.errors}


class AccessDenied(YifaError):
    status = 403

    def __init__(self, message: str = "无权访问该记录"):
        super().__init__(message)


class NotFound(YifaError):
    status = 404

    def __init__(self, message: str = "记录不存在"):
        super().__init__(message)


class Conflict(YifaError):
    status = 409


class GateBlocked(YifaError):
    """A transition's guards failed; ``unmet`` lists every missing condition."""

    status = 409

    def __init__(self, action: str, unmet: list[str]):
        self.unmet = unmet
        super().__init__(f"不能{action}：" + "；".join(unmet))

    def as_dict(self) -> dict:
        return {"detail": self.message, "field": None, "unmet": self.unmet}
