"""Sentence -> attributions (source, cue, content spans)."""
