"""factcheck: claim provenance and fact-checking for articles.

The public Python API lives in :mod:`factcheck.api`; this module stays cheap to import.
"""

__version__ = "0.1.0"
