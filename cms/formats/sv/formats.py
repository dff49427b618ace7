"""Swedish in Finland writes a short date day.month.year (30.8.2027), not Sweden's
year-month-day that Django's ``sv`` formats give."""

SHORT_DATE_FORMAT = "j.n.Y"
