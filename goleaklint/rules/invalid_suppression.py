"""
## What it does
Reports `//goleaklint:ignore` comments that cannot do their job. Those are ones that name no
rule, name a rule that does not exist, give no reason, or suppress nothing because no
finding of the named rule is on their line or the line below.

## Why is this bad?
A suppression is a claim that a finding was read and judged safe. Without a rule code
it hides more than intended; without a reason the next reader cannot check the claim;
and one that suppresses nothing is left over from code that changed, waiting to hide
the next real leak on that line.

## Example
```go
rows, err := db.Query(q) //goleaklint:ignore
```

## Use instead
```go
rows, err := db.Query(q) //goleaklint:ignore GL001 closed by the caller through iter.Close
```
golangci-lint style `//nolint:goleaklint // reason`, `//nolint:all` and bare
`//nolint` are honoured too; they are not checked by this rule, since other linters
read them as well.

## References
- [golangci-lint: nolint directives](https://golangci-lint.run/usage/false-positives/#nolint-directive)
- [ruff: unused-noqa (RUF100)](https://docs.astral.sh/ruff/rules/unused-noqa/)
"""

from goleaklint.model import Confidence, Rule, Severity

RULE = Rule(
    code="GL000",
    name="invalid-suppression",
    severity=Severity.NOTE,
    confidence=Confidence.HIGH,
    check=None,  # the engine applies suppressions and reports this rule itself
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    tags=("maintainability",),
)
