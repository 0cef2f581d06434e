"""在建项目: construction projects and the six wage-payment systems (issue 4)."""
