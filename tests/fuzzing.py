"""Mutations of Go source for fuzzing: byte flips, truncation, splicing two sources,
inserting tokens. Shared by the property test and the long fuzz run (fuzz/run.py)."""

from __future__ import annotations

import random

TOKENS = [b"{", b"}", b"(", b")", b"go ", b"defer ", b"<-", b"chan ", b"func(){", b"select {",
          b"for {", b"\"", b"`", b"/*", b"//goleaklint:ignore GL0", b"\xff", b"\r\n", b"\x00",
          b"make(chan int)", b"mu.Lock()", b"return", b".Close()", b"\xef\xbb\xbf"]


def mutate(rng: random.Random, source: bytes, other: bytes) -> bytes:
    data = bytearray(source)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(4)
        if kind == 0 and data:
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        elif kind == 1 and data:
            del data[rng.randrange(len(data)):]
        elif kind == 2:
            cut, cut2 = rng.randrange(len(data) + 1), rng.randrange(len(other) + 1)
            data = data[:cut] + other[cut2:]
        else:
            i = rng.randrange(len(data) + 1)
            data[i:i] = rng.choice(TOKENS)
    return bytes(data)


# Tokens whose loss or duplication breaks Go syntax while most of the file still parses.
DAMAGE = [b"(", b")", b"{", b"}", b",", b"go ", b"<-", b"func ", b".", b"[", b"]", b":=", b"=",
          b"\n", b"select {", b"case ", b"range ", b"defer ", b"for "]


def damage(rng: random.Random, source: bytes) -> bytes:
    """Small local damage (a few bytes cut, a token inserted, a slice of the file
    copied elsewhere): the tree gets ERROR and MISSING nodes among intact statements,
    which is where rules meet shapes the grammar never gives a valid file."""
    data = bytearray(source)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(data) + 1)
        kind = rng.randrange(3)
        if kind == 0 and data:
            del data[at:at + rng.randint(1, 6)]
        elif kind == 1:
            data[at:at] = rng.choice(DAMAGE)
        else:
            start = rng.randrange(len(data) + 1)
            data[at:at] = data[start:start + rng.randint(1, 40)]
    return bytes(data)


def fixture_sources(root: str, stem: str = "") -> list[bytes]:
    """The bytes of every fixture, or of one rule's fixtures (testdata/<stem>)."""
    import os

    sources = []
    for dirpath, _, names in sorted(os.walk(os.path.join(root, "testdata", stem))):
        for name in sorted(names):
            if name.endswith(".go"):
                with open(os.path.join(dirpath, name), "rb") as handle:
                    sources.append(handle.read())
    return sources


def check_one(source: bytes, codes: tuple[str, ...] | None = None) -> None:
    """Analyse one input with every rule (or `codes`); raise AssertionError on any
    broken promise."""
    import json

    from sarif_kit.validate import validation_errors

    from goleaklint import engine
    from goleaklint.formatters import sarif
    from goleaklint.rules import ALL_RULES

    rules = [rule for rule in ALL_RULES if codes is None or rule.code in codes]
    codes = tuple(rule.code for rule in rules)
    result = engine.analyze_source("fuzz.go", source, codes, {}, debug=True)
    findings, errors, notes, _ = engine.scan_results([result], rules, engine.Settings())
    assert not errors, errors
    lines = source.split(b"\n")
    for f in findings:
        assert 1 <= f.line <= f.end_line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert f.end_column <= len(lines[f.end_line - 1]) + 1, f
    scan = engine.ScanResult(findings, errors, notes, 1, 0.0, rules)
    log = json.loads(sarif.render(scan, "."))
    assert validation_errors(log) == []
