"""仲裁案件: the docket, the case page, the hearing calendar."""
