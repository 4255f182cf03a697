"""Does the cost of one file grow linearly with its size?

    python benchmarks/scaling.py [--n N] [--repeat R] [SHAPE ...]

For each shape below, builds one Go file of size n and one of size 4n, times
`engine.analyze_source` with every rule on each (best of R runs, no time budget) and
prints the ratio: near 4 is linear, near 16 quadratic. The shapes are the inputs that
were once quadratic (issue 16) plus neighbours of them; `tests/test_linear_cost.py`
counts the work on the same shapes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def goroutine_sends(n: int) -> str:
    """n `go func() { ch <- i }()` in one function, received in a select that can
    give up (each send once re-read the whole function)."""
    body = "".join(f"\tgo func() {{ ch <- {i} }}()\n" for i in range(n))
    return ("package p\n\nimport \"context\"\n\nfunc f(ctx context.Context) int {\n"
            "\tch := make(chan int)\n" + body + "\tselect {\n\tcase v := <-ch:\n\t\treturn v\n"
            "\tcase <-ctx.Done():\n\t\treturn 0\n\t}\n}\n")


def nested_len(n: int) -> str:
    """A receiver loop whose exit is under `if len(x[len(x[...]...)]) == 1` nested n
    deep (a regex once scanned from every `len(` to the first `)`)."""
    condition = "len(x[" * n + "0" + "])" * n
    return ("package p\n\nfunc (s *S) loop() {\n\tfor {\n\t\tv := <-s.in\n\t\ts.use(v)\n"
            f"\t\tif {condition} == 1 {{\n\t\t\treturn\n\t\t}}\n\t}}\n}}\n\n"
            "func (s *S) put() { s.in <- 1 }\n")


def one_line_functions(n: int) -> str:
    """n functions `func fI() { ch <- I }` (each send once re-read the file's
    package-level names)."""
    return "package p\n\n" + "".join(f"func f{i}() {{ ch <- {i} }}\n" for i in range(n))


def sends_under_lock(n: int) -> str:
    """n sends on a field while a mutex is held (each send once re-read the
    statements before it)."""
    body = "".join(f"\ts.ch <- {i}\n" for i in range(n))
    return "package p\n\nfunc (s *S) f() {\n\ts.mu.Lock()\n\tdefer s.mu.Unlock()\n" + body + "}\n"


def field_sends(n: int) -> str:
    """n methods sending on a field whose receiver loop can return."""
    receiver = ("func (s *S) loop() {\n\tfor {\n\t\tv := <-s.in\n\t\tif v == 1 {\n"
                "\t\t\treturn\n\t\t}\n\t}\n}\n")
    return "package p\n\n" + receiver + "".join(
        f"func (s *S) put{i}() {{ s.in <- {i} }}\n" for i in range(n))


def resources(n: int) -> str:
    """n responses, rows, contexts and tickers opened in one function (GL001, GL008,
    GL009, GL010)."""
    body = "".join(
        f"\tr{i}, _ := http.Get(u)\n\t_ = r{i}\n\trows{i}, _ := db.Query(q)\n\t_ = rows{i}\n"
        f"\tctx{i}, c{i} := context.WithCancel(ctx)\n\t_, _ = ctx{i}, c{i}\n"
        f"\tt{i} := time.NewTicker(d)\n\t_ = t{i}\n" for i in range(n))
    return ("package p\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n\t\"net/http\"\n"
            "\t\"time\"\n)\n\nfunc f(ctx context.Context, db *sql.DB, u, q string, "
            "d time.Duration) {\n" + body + "}\n")


def checked_resources(n: int) -> str:
    """n responses and n rows in one function, each followed by `if err != nil { return
    err }` (every resource's flow visits the branches and returns of the others)."""
    body = "".join(
        f"\tr{i}, err := http.Get(u)\n\tif err != nil {{\n\t\treturn err\n\t}}\n\tdefer r{i}.Body.Close()\n"
        f"\trows{i}, err := db.Query(q)\n\tif err != nil {{\n\t\treturn err\n\t}}\n\t_ = rows{i}\n"
        for i in range(n))
    return ("package p\n\nimport (\n\t\"database/sql\"\n\t\"net/http\"\n)\n\n"
            "func f(db *sql.DB, u, q string) error {\n" + body + "\treturn nil\n}\n")


def reused_names(n: int) -> str:
    """n responses assigned to one variable and n rows each declared with the same name
    in a block of its own, all checked and closed (each acquisition once looked at every
    use of the name)."""
    body = "".join(
        "\tresp, err = http.Get(u)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer resp.Body.Close()\n"
        "\tif q != \"\" {\n\t\trows, err := db.Query(q)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n"
        "\t\tdefer rows.Close()\n\t}\n" for _ in range(n))
    return ("package p\n\nimport (\n\t\"database/sql\"\n\t\"net/http\"\n)\n\n"
            "func f(db *sql.DB, u, q string) error {\n\tvar resp *http.Response\n\tvar err error\n"
            + body + "\treturn nil\n}\n")


def shadowed_names(n: int) -> str:
    """n registrations in one function, each of a channel made just before it and
    shadowed in an if-initializer (every argument is resolved through the scopes)."""
    body = "".join(
        f"\tch{i} := make(chan *amqp.Error, 1)\n\tif ch{i} := make(chan *amqp.Error); ch{i} != nil {{\n"
        f"\t\t_ = ch{i}\n\t}}\n\tconn.NotifyClose(ch{i})\n" for i in range(n))
    return ("package p\n\nimport amqp \"github.com/rabbitmq/amqp091-go\"\n\n"
            "func f(conn *amqp.Connection) {\n" + body + "}\n")


# name -> (generator, default n)
SHAPES = {
    "goroutine-sends": (goroutine_sends, 1000),
    "nested-len": (nested_len, 8000),
    "one-line-functions": (one_line_functions, 25000),
    "sends-under-lock": (sends_under_lock, 2000),
    "field-sends": (field_sends, 5000),
    "resources": (resources, 40),
    "checked-resources": (checked_resources, 40),
    "reused-names": (reused_names, 40),
    "shadowed-names": (shadowed_names, 2000),
}


def analyse(source: str) -> float:
    from goleaklint import engine
    from goleaklint.rules import ALL_RULES

    codes = tuple(rule.code for rule in ALL_RULES)
    started = time.perf_counter()
    engine.analyze_source("shape.go", source.encode(), codes, {})
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shapes", nargs="*", metavar="SHAPE",
                        help=f"some of: {', '.join(SHAPES)} (default: all)")
    parser.add_argument("--n", type=int, help="size n (default: per shape)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    unknown = set(args.shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shape(s): {', '.join(sorted(unknown))}")
    sys.path.insert(0, ROOT)
    print(f"{'shape':<20} {'n':>7} {'t(n) s':>8} {'t(4n) s':>8} {'ratio':>6}")
    for name in args.shapes or SHAPES:
        generate, default = SHAPES[name]
        n = args.n or default
        small, large = (min(analyse(generate(size)) for _ in range(args.repeat))
                        for size in (n, 4 * n))
        print(f"{name:<20} {n:>7} {small:>8.3f} {large:>8.3f} {large / small:>6.1f}",
              flush=True)


if __name__ == "__main__":
    main()
