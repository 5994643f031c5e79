"""Text made safe to read: what an article, a file name or a reviewer's note holds must not act
on the reader's terminal, spreadsheet or web page.

- Terminals and Markdown: control characters (the escape that starts "\\x1b[2J", which clears
  the screen, a carriage return that overwrites a line, bidirectional overrides that reorder
  what is shown) are written as visible escapes; newlines and tabs stay.
- CSV: a cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
  carriage return) gets a leading apostrophe, as OWASP recommends.
- JSON: C1 controls and bidirectional overrides are written as \\u escapes, and "</" as "<\\/",
  so that JSON-LD pasted into a <script> element cannot close it; parsers read the same text.
"""

from __future__ import annotations

import re

# C0 and C1 controls but newline and tab, DEL, and the bidirectional embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` with control characters shown as escapes ("\\x1b"); newlines and tabs kept."""
    return _CONTROLS.sub(_visible, text) if _CONTROLS.search(text) else text


def defuse_cell(cell: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def json_safe(text: str) -> str:
    """JSON text with C1 controls and bidirectional overrides escaped, and "</" as "<\\/"."""
    text = _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text.replace("</", "<\\/")
