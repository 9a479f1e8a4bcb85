from .units import Unit, UnitKind
from .people import Role, RoleGrant, User
from .calendar import CalendarDay, CalendarYear, DayKind
from .events import AuditHead, Event
from .deadlines import Deadline, DeadlineStatus
from .attachments import Attachment
from .notifications import Notification
from .tokens import ApiToken
from .versioned import Versioned

__all__ = [
    "Unit", "UnitKind", "Role", "RoleGrant", "User", "CalendarDay", "CalendarYear", "DayKind",
    "AuditHead", "Event", "Deadline", "DeadlineStatus", "Attachment", "Notification",
    "ApiToken", "Versioned",
]
