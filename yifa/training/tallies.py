from . import year_hours

TALLIES = {"参训学时（每人每年合计）": year_hours}
