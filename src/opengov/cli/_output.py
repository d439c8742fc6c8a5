"""Everything the command line prints goes through here: no input reaches the terminal raw.

Text is shown as :func:`opengov._display.terminal` shows it (control characters escaped, line
breaks kept, bidi overrides isolated line by line); JSON keeps its data exactly but writes the
characters a terminal would act on (DEL, C1 controls, line separators, bidi formatting
characters, lone surrogates) as ``\\uXXXX`` escapes, which can only occur inside its strings.
A write to standard output that fails (a full disk) is an error naming "standard output".
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from opengov._display import BIDI_CONTROLS, terminal

__all__ = ["err", "out", "out_json"]

_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029\ud800-\udfff" + "".join(sorted(BIDI_CONTROLS)) + "]"
)


def out(text: str, end: str = "\n") -> None:
    """Print ``text`` on standard output; a failed write (a full disk) names it."""
    try:
        sys.stdout.write(terminal(text + end))
        sys.stdout.flush()
    except OSError as exc:
        if exc.filename is None and exc.errno is not None:
            exc.filename = "standard output"
        raise


def err(text: str) -> None:
    """Print a line (or a few) on standard error."""
    sys.stderr.write(terminal(text + "\n"))


def out_json(data: Any) -> None:
    """Print ``data`` as indented JSON (UTF-8 text, the unsafe characters escaped)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    out(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
