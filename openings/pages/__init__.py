"""Stage 3, plan: every page of the site as a typed record (a posting's own files, the listings,
the site's own files) and what each shows.
"""
