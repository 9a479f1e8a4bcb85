from .attachments import Attachment, StoredFile
from .calendar import CalendarDay, CalendarYear, DayKind, RecomputeJob
from .deadlines import ClosedClocks, Deadline, DeadlineStatus
from .events import AuditHead, Event
from .imports import ImportJob
from .notifications import Notification
from .people import Role, RoleGrant, User
from .tokens import ApiToken
from .units import Unit, UnitKind
from .versioned import Record, Versioned

__all__ = [
    "Record",
    "Unit",
    "UnitKind",
    "Role",
    "RoleGrant",
    "User",
    "CalendarDay",
    "CalendarYear",
    "DayKind",
    "RecomputeJob",
    "ImportJob",
    "AuditHead",
    "Event",
    "Deadline",
    "ClosedClocks",
    "DeadlineStatus",
    "Attachment",
    "StoredFile",
    "Notification",
    "ApiToken",
    "Versioned",
]
