"""JSON written by the C encoder and streamed: one list item at a time, never one huge string.

`json.dump` and any `indent` fall back to the pure-Python encoder (about 10× slower on a large
batch); compact output encodes each item of a top-level list with the C encoder and writes it
at once. Pretty printing (indent 2) stays available on request.
"""
from __future__ import annotations

import json
from typing import Any, TextIO


def write_json(data: Any, stream: TextIO, pretty: bool = False) -> None:
    """Write `data` (a dict or list) to `stream` as JSON, followed by a newline."""
    if pretty:
        json.dump(data, stream, ensure_ascii=False, indent=2, default=str)
    else:
        _write(data, stream, top=True)
    stream.write("\n")


def _encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _write(value: Any, stream: TextIO, top: bool = False) -> None:
    if isinstance(value, dict) and top:
        stream.write("{")
        for i, (key, item) in enumerate(value.items()):
            stream.write(("," if i else "") + _encode(str(key)) + ":")
            _write(item, stream)
        stream.write("}")
    elif isinstance(value, list):
        stream.write("[")
        for i, item in enumerate(value):
            stream.write(("," if i else "") + _encode(item))
        stream.write("]")
    else:
        stream.write(_encode(value))
