"""Statistics: the yearly report's figures, their drill-downs and outputs (issue 7)."""
