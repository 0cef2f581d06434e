"""培训考试: study and training sessions, exams and the year's summary."""
