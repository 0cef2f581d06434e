"""统计报表: the yearly figures, their drill-downs and exports, and the overview (issue 7)."""
