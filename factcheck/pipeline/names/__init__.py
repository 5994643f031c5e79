"""Actors, sources and their roles, offices and what a claim's words refer to."""
