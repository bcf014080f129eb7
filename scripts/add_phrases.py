"""Add phrases to a finding's list in the findings YAML without reformatting the file.

Usage: uv run python scripts/add_phrases.py FINDING_ID KIND "phrase one" "phrase two" ...
KIND is lay, clinical, misspellings or absent.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

FINDINGS = Path(__file__).resolve().parents[1] / "src/nape/knowledge/resources/findings"


def add(fid: str, kind: str, phrases: list[str]) -> Path:
    for path in sorted(FINDINGS.glob("*.yaml")):
        text = path.read_text()
        m = re.search(rf"^- id: {re.escape(fid)}\n|^  - id: {re.escape(fid)}\n", text, re.M)
        if not m:
            continue
        nxt = re.search(r"^\s*- id: ", text[m.end() :], re.M)
        end = m.end() + (nxt.start() if nxt else len(text) - m.end())
        block = text[m.start() : end]
        km = re.search(rf"^(\s+){kind}: \[", block, re.M)
        quoted = ", ".join(json.dumps(p) for p in phrases)
        if km:
            block = block[: km.end()] + quoted + ", " + block[km.end() :]
        else:
            pm = re.search(r"^(\s+)phrases:\n", block, re.M)
            if not pm:
                raise SystemExit(f"{fid}: no phrases block in {path.name}")
            indent = pm.group(1) + "  "
            block = block[: pm.end()] + f"{indent}{kind}: [{quoted}]\n" + block[pm.end() :]
        path.write_text(text[: m.start()] + block + text[end:])
        return path
    raise SystemExit(f"finding {fid!r} not found")


if __name__ == "__main__":
    print(add(sys.argv[1], sys.argv[2], sys.argv[3:]))
