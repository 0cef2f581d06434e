"""The kernel every area shares (DESIGN.md, "A layout to grow into"): it imports no area.

- `progress`: the progress callback and the cancel token of long work, and the check between batches.
- `import_report`: what an import reports: rows imported, rows refused with their reasons.
"""
