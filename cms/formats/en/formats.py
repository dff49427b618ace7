"""English pages are read in Finland: a short date is day.month.year, never the American
month/day/year that Django's ``en`` formats give."""

SHORT_DATE_FORMAT = "j.n.Y"
