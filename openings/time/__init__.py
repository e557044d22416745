"""Stage 2, timeline: when a posting opens, closes soon, closes and retires, and how a date, a time
or an amount is written in each language.
"""
