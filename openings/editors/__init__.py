"""The editors' tools: the live preview and its server, the scaffold for a new posting and the
report of problems.
"""
