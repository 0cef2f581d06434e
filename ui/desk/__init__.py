"""今日待办: Today's desk."""
