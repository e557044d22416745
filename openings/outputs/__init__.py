"""The data outputs besides pages: open data (jobs.json, jobs.csv, next-change.txt), calendars and
the search index.
"""
