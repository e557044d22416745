"""Stage 1, load: reading content (site.yml, each posting's front-matter and body, Markdown) and
the checks on it; errors are collected as values.
"""
