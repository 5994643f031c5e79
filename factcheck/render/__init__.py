"""Values -> what people and programs read: Rich tables, JSON/JSON Lines/CSV, Markdown, JSON-LD.

Renderers return strings or Rich renderables and never print; `factcheck.cli` decides where
output goes.
"""
