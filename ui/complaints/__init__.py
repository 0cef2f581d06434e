"""投诉受理: complaints and reports, the case page, payments (issue 5)."""
