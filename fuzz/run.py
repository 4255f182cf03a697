"""The long fuzz run: N mutated fixtures through every rule (tests/fuzzing.py).

    python fuzz/run.py [--inputs 10000] [--seed 1]

Prints the inputs tried and the crashes found; a crashing input is saved under
fuzz/crashes/ to be turned into a test. The last result is quoted in the README.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from fuzzing import check_one, damage, fixture_sources, mutate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = fixture_sources(ROOT)
    crashes = 0
    started = time.monotonic()
    for i in range(args.inputs):
        if i % 2:
            data = mutate(rng, rng.choice(sources), rng.choice(sources))
        else:
            data = damage(rng, rng.choice(sources))
        try:
            check_one(data)
        except Exception:
            crashes += 1
            os.makedirs(os.path.join(ROOT, "fuzz", "crashes"), exist_ok=True)
            path = os.path.join(ROOT, "fuzz", "crashes", f"crash-{args.seed}-{i}.go")
            with open(path, "wb") as out:
                out.write(data)
            print(f"crash on input {i}, saved {path}:\n{traceback.format_exc()}", file=sys.stderr)
    seconds = time.monotonic() - started
    print(f"fuzz: {args.inputs} inputs, {len(sources)} fixtures, seed {args.seed}, "
          f"{crashes} crashes, {seconds:.0f}s")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
