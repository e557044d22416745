"""Stages 4 and 5, render and publish: the build that drives every stage, its worker processes, its
cache on disk and the staging tree swapped in whole.
"""
