"""Counts core keeps beside the records they count, for ``yifa tallies`` (each module may declare its own)."""

from . import closed_counts

TALLIES = {"法定期限办结计数（按单位、规则、月份）": closed_counts}
