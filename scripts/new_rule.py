"""Scaffold a new rule's stem: rule module with the doc headings, query, fixture folder.

    python scripts/new_rule.py GL012 leaky-thing

Then register the module in goleaklint/rules/__init__.py and add a README row.
"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MODULE = '''"""
## What it does
TODO: one short sentence; it becomes the summary in `goleaklint rules`.

## Why is this bad?
TODO: the incident this rule comes from.

## Example
```go
TODO
```

## Use instead
```go
TODO
```

## References
- TODO
"""

from __future__ import annotations

from typing import Iterator

from goleaklint.model import Confidence, Context, Report, Rule, Severity


def check(ctx: Context) -> Iterator[Report]:
    for _, captures in ctx.matches:
        yield Report(captures["finding"][0], "TODO: what leaks and why")


RULE = Rule(
    code="{code}",
    name="{name}",
    severity=Severity.WARNING,
    confidence=Confidence.MEDIUM,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"TODO",),
)
'''

QUERY = "; Candidates for {code} {name}; the check decides.\n(call_expression) @finding\n"
FIXTURE = "package fixtures\n\n// TODO: positives with // want {code}, negatives without.\n"


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    code, name = sys.argv[1], sys.argv[2]
    stem = name.replace("-", "_")
    targets = {
        os.path.join(ROOT, "goleaklint", "rules", f"{stem}.py"): MODULE.replace("{code}", code).replace("{name}", name),
        os.path.join(ROOT, "goleaklint", "queries", f"{stem}.scm"): QUERY.format(code=code, name=name),
        os.path.join(ROOT, "testdata", stem, f"{stem}.go"): FIXTURE.format(code=code),
    }
    for path in targets:
        if os.path.exists(path):
            sys.exit(f"{path} exists")
    for path, text in targets.items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
