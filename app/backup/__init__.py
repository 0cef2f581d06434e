"""Backup, restore and verification of the database (no Qt).

* `check`: is a file a sound Renshe Desk database this program can use
  (SQLite's integrity check, the schema revision, the audit chain)?
* `catalogue`: the backups the program knows of, a JSON file in the data
  folder's `backups/`, and the rule that prunes the automatic ones.
* `service`: making a backup (SQLite's online backup API, never a file copy;
  `pg_dump -Fc` on PostgreSQL), restoring one, the daily and the pre-upgrade
  backups.

Only SQLite ever opens a database file here: a copy made by opening the file
as bytes would drop the program's POSIX locks on it (see README, "For developers").
"""
