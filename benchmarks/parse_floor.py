"""The floor: read and parse every file goleaklint would scan (generated files, which
it skips, are read but not parsed), nothing else, on N processes. Usage: python benchmarks/parse_floor.py --jobs N PATH..."""

from __future__ import annotations

import argparse
import os
from concurrent.futures import ProcessPoolExecutor

from goleaklint import engine, parsing


def parse_file(path: str) -> int:
    with open(path, "rb") as handle:
        source = handle.read()
    if engine.is_generated(source):  # the scan skips these: parsing them would flatter it
        return 0
    return parsing.parse(source).end_byte


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    files, _ = engine.discover(args.paths, engine.Settings())
    with ProcessPoolExecutor(args.jobs) as pool:
        total = sum(pool.map(parse_file, files, chunksize=32))
    print(f"parsed {len(files)} files, {total} bytes")


if __name__ == "__main__":
    main()
