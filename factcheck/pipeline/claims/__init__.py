"""Attributions -> atomic claims: split, kind, certainty, polarity, embedded events."""
