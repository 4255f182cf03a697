"""Which code runs once per run of its process: the one answer the rules ask before they
call something a leak that only the process's end would clear.

What runs once leaves at most one of a kind behind, and that one ends with the process:
a goroutine meant to live as long as the process, a ticker in a loop that returns only
at shutdown, a response a command leaves open before it exits. The rules that report
piling up (GL005, GL006, GL008, GL009, GL010, GL011, GL003's receivers) ask here:

- `function_once(func, package)`: whether a declared function or method runs once per
  process, as far as the module shows (`PackageFiles`: the analysed file and its
  non-test siblings): main or init; a CLI framework's command action
  (`command_action`), or a command of a program's own command table (`table_command`:
  `{"webapi", cmdWebapi}` in package main); set-up code that changes the whole process (`PROCESS_CALLS`);
  a method of an unexported type called only on package-level variables; a function
  or method that the package only calls from such functions (up to ONCE_DEPTH callers
  up), outside a loop that can go round without a bound (a loop over a collection or
  a count starts one per element: `cfg.repeats`), from a function literal called on
  the spot or handed to `Go` of an errgroup that its function then waits for
  (`g.Go(func() error {...}); return g.Wait()`), in a package-level variable's initialiser, or hands to `Do` of a
  package-level `sync.Once`. An exported one (a method too, of an exported type)
  also needs the module's other packages' calls (`Package.importers`: their files
  that import its package, read once per module) to be such calls, or calls in a
  program outside a loop, and at least one call in the module (so does an exported
  method of an unexported type that its package never calls, handed out as an
  interface the package declares: `x.Run(ctx)` calls of its name and shape there): library users outside
  it are not seen, and a function the module's example programs name is a
  library's API (not once). A caller on the way up that nothing in the module calls
  (`never_called`) adds no run, and is not counted. Its commands view (GL006's requests)
  asks instead whether every path up starts at a command action or a table command:
  not at main, init, set-up code or a package-level value, through goroutines only
  where their starter waits for them (`channels.joined`), and through a function handed
  to a command builder of the module that calls it only in the action it builds or
  returns (`_run_by_actions`); test doubles' method expressions are no uses.
- `runs_once(node, ...)`: whether a node runs once: outside any loop of such a function
  (or anywhere outside loops in a one-shot program, `cfg.one_shot_program`). Its
  `single` view (the default, for GL005, GL006, GL008, GL009) counts a single run:
  no call on the way in a loop or a `go` statement, no set-up code, package-level
  value or initialiser, two calls up.
- `only_in_own_goroutines(func, package)`: whether every path to a function starts at a
  `go` statement of its package: no request handler or library user can be below it.
- `started_for_process(go, ctx)`: whether a go statement runs once per process.
- `ends_single(func, package)`: whether a method named for the end of its object's life
  (`Stop`) ends an object that the package's makers show made once (no repetition).
- `test_code(node, names, path)`: whether node is test code (a `_test.go` file, test
  support by its name, its folder, its framework imports or its importers:
  `test_support`, a file built only with a test tag: `test_build`, a function taking a
  `*testing.T`, a method of a test type).
- `test_cost_only(node, ...)`: whether what node leaks costs only the test binary, as
  far as the code shows: the one answer to "is this finding's cost confined to tests?"
  that GL001, GL003, GL005, GL008, GL009, GL010 and GL011 ask (run in a test or test
  support or in a function only the package's tests call: `tests_run_only`, not an
  Example nor the code under test, in no loop but over a table written out or a poll
  or retry: `retry_loop`, and, for goroutines, in a package whose tests check for no
  leaked goroutines).
- `retry_loop(loop, names)`: whether a `for` is a poll or retry: counted or run until
  a deadline made before it, left at success, waiting between tries.
- `never_called(func, package)`: whether nothing in the module calls an exported
  function of an application's package (`library_api` says no: an `internal` one, or
  one of a module with commands), or a method of an exported type that nothing makes:
  an entry point for code outside the module, or dead code, whose calls function_once
  does not count.
- `library_api(func, package)`: whether a function is a library's API, which its users
  may call any number of times: an exported one of a library's package
  (`library_package`: not main nor under `internal` or `cmd`, of a module that is not
  an application, or one whose example programs name it; not known outside a module).
  runs_again, function_once and GL003 ask it.
- `only_tests_call(name, owner, package)`: whether only test code calls a method of an
  application's package (a stop that only tests reach does not happen in the program).
A method's uses are told from same-named methods of other types by its shape (`Shape`):
a call whose arguments do not fit its parameters, a selector on a value whose declared
type's method it is not, or an interface method of other parameter or result types (a
generated client's `Get(ctx, id, opts...)` beside `Get(id)`) is not a use of it.
"""

from __future__ import annotations

import os
import re
from typing import Any, Callable, Iterator, NamedTuple

from goleaklint.analysis.cfg import leaves_after, loop_exits, one_shot_program, repeats
from goleaklint.analysis.channels import joined
from goleaklint.analysis import gomod
from goleaklint.analysis.names import IMPORT, PACKAGE, TESTING_VALUES, Names, names_for, receiver_type
from goleaklint.analysis.types import types_for
from goleaklint.analysis.package import (Package, file_source, folder_files, folder_sources, package_clause, package_holds,
                                         parsed, test_imported)
from goleaklint.analysis.requests import serves_connection, serves_requests
from goleaklint.syntax import (
    FUNCTION_TYPES,
    LINE_COMMENT,
    TEST_FRAMEWORKS,
    ancestors,
    arguments,
    build_requires,
    call_name,
    declared,
    descendants,
    enclosing_function,
    file_memo,
    function_name,
    has_word,
    in_loop,
    in_program,
    is_test_entry,
    is_test_file,
    named,
    parameters,
    per_file,
    run_by_hand,
    start_up,
    statements,
    test_support_name,
    text,
    walk,
)

# --- command actions of CLI frameworks -------------------------------------------------

# The command actions of CLI frameworks, which the framework calls once per run of the
# program, by the types of their parameters (import path without its major version):
# urfave/cli's `func(c *cli.Context) error`, cobra's `func(cmd *cobra.Command, args
# []string)` (Run, RunE, PreRun, ...), kingpin's `func(c *kingpin.ParseContext) error`
# and that of its fork fisk (kong's `Run` methods: `_kong_run`).
_ACTION_PARAMETERS = {
    "github.com/urfave/cli": ("Context",),
    "gopkg.in/urfave/cli": ("Context",),
    "github.com/codegangsta/cli": ("Context",),
    "github.com/spf13/cobra": ("Command", "[]string"),
    "github.com/alecthomas/kingpin": ("ParseContext",),
    "gopkg.in/alecthomas/kingpin": ("ParseContext",),
    "github.com/choria-io/fisk": ("ParseContext",),
}
_MAJOR = re.compile(r"(?:/v\d+|\.v\d+)$")


def command_action(func: Any, names: Any, source: bytes) -> bool:
    """Whether func (a declaration or a literal) has the signature of a CLI framework's
    command action (`_ACTION_PARAMETERS`), its first parameter's package resolved through
    the file's imports (a method too: `func (c *cmd) run(_ *fisk.ParseContext) error`,
    the action a command keeps its flags beside), or is kong's: a `Run` method of a type
    that the file uses as the type of a field tagged `cmd:""` in a file that imports
    github.com/alecthomas/kong."""
    if func.type == "method_declaration" and _kong_run(func, names, source):
        return True
    params = parameters(func, source, receiver=False)
    if not params or params[0][1] is None or params[0][1].type != "pointer_type":
        return False
    first = names.qualified(params[0][1])
    wanted = _ACTION_PARAMETERS.get(_MAJOR.sub("", first[0])) if first is not None else None
    return wanted is not None and wanted[0] == first[1] and len(params) == len(wanted) and \
        all(kind is not None and text(source, kind) == spec for (_, kind), spec in zip(params[1:], wanted[1:]))


def _kong_run(method: Any, names: Any, source: bytes) -> bool:
    if text(source, method.child_by_field_name("name")) != "Run" or \
            not any(_MAJOR.sub("", i.path) == "github.com/alecthomas/kong" for i in names.imports):
        return False
    owner = receiver_type(method, source)
    root = method
    while root.parent is not None:
        root = root.parent
    return bool(owner) and any(
        kind is not None and text(source, kind) == owner and tag is not None and b'cmd:"' in text(source, tag).encode()
        for field in descendants(root, ("field_declaration",))
        for kind, tag in [(field.child_by_field_name("type"), field.child_by_field_name("tag"))])


# Functions of package sync that run the function they are given once.
ONCE_FUNCS = ("OnceFunc", "OnceValue", "OnceValues")


def once_call(call: Any, source: bytes, names: Names | None = None) -> bool:
    """`once.Do(f)` (a sync.Once, by its name, or a variable by its declared type:
    `var setUp sync.Once`, a field by its struct's: `destructor *sync.Once`) or
    `sync.OnceValue(f)`: f runs once."""
    operand, name = call_name(call, source)
    if name in ONCE_FUNCS or (name == "Do" and "once" in operand.lower()):
        return True
    function = call.child_by_field_name("function")
    once = function.child_by_field_name("operand") if name == "Do" and function.type == "selector_expression" else None
    kind = types_for(names or names_for(source, call)).of(once) if once is not None and \
        once.type in ("identifier", "selector_expression") else None
    return kind is not None and kind.is_named("sync", "Once")


# --- the package's files ----------------------------------------------------------------

class PackageFiles:
    """The files of the analysed file's package (its non-test siblings as the package
    facts read them), each parsed when a name is looked up in it. Index 0 is the file."""

    def __init__(self, source: bytes, root: Any, names: Names, siblings: list[bytes] | None = None,
                 path: str | None = None, facts: Any = None) -> None:
        if facts is None:
            facts = names.facts
            path = names.path
        self.names = names
        self.root = root
        # the file's path, and the package facts of the analysed file, which record
        # what other packages' files an answer read
        self.path = path
        self.facts = facts
        if siblings is None:
            siblings = facts.sources() if facts is not None else []
        self.sources = [source] + siblings
        self.files: dict[int, tuple[Any, Names]] = {0: (root, names)}

    @classmethod
    def of(cls, ctx: Any) -> "PackageFiles":
        """The PackageFiles of the analysed file (a rule's Context)."""
        return cls.for_file(ctx.source, ctx.root, ctx.names)

    @classmethod
    def for_file(cls, source: bytes, root: Any, names: Names) -> "PackageFiles":
        """The PackageFiles of a file, made once per file: every rule that asks reads
        the siblings it parsed."""
        memo = file_memo(source)
        held = memo.get(cls)
        if held is None or held.root != root:
            held = memo[cls] = cls(source, root, names)
        return held

    def file(self, index: int) -> tuple[Any, Names]:
        if index not in self.files:
            source = self.sources[index]
            root = parsed(source)
            self.files[index] = (root, Names(root, source))
        return self.files[index]

    def function(self, name: str) -> tuple[int, Any, bytes, Names] | None:
        """(file index, declaration, source, names) of the one top-level function of
        the package's other files called name."""
        header = re.compile(rb"^func\s+" + re.escape(name.encode()) + rb"\s*[\[(]", re.M)
        for index in range(1, len(self.sources)):
            if header.search(self.sources[index]):
                root, names = self.file(index)
                found = declared(root, self.sources[index], name, "function_declaration")
                if len(found) == 1:
                    return index, found[0], self.sources[index], names
        return None

    def package_variable(self, name: str) -> bool:
        """Whether name is a package-level variable of the package."""
        if not name or not name.isidentifier():
            return False
        if name in self.names.top:
            return _declared_var(name, self.names)
        facts = self.names.facts
        return facts is not None and facts.var(name)[0] and facts.function(name) is None


def _declared_var(name: str, names: Names) -> bool:
    """Whether this file declares name as a package-level variable."""
    found = names.top.get(name)
    return found is not None and found.parent.type == "var_spec"


# --- functions that run once per process ------------------------------------------------

# Calls that change the whole process: a function making them is a program's set-up code
# (its main, a daemon's start-up), which runs once, and so do the goroutines it starts.
PROCESS_CALLS = frozenset({
    ("os", "Exit"), ("os", "Setenv"), ("os", "Chdir"), ("flag", "Parse"), ("os/signal", "Notify"),
    ("runtime/debug", "SetGCPercent"), ("runtime/debug", "SetMaxThreads"), ("runtime/debug", "SetMemoryLimit"),
})
# How far up the callers are followed to find the start-up code (another package's
# caller counting as one more); for a single run (function_once's `single`), two calls
# up from a command action or from main or init, or FAR_DEPTH for a rule whose cost
# of a single run is nil however deep the start-up code calls it (a response left open
# once: `single=FAR_DEPTH`), where a stall's is not (a daemon's start-up request that
# nobody watches keeps GL006's finding past two calls).
ONCE_DEPTH = 5
SINGLE_DEPTH = 2
FAR_DEPTH = 4


def changes_process(func: Any, source: bytes, names: Any, depth: int = 1,
                    package: PackageFiles | None = None) -> bool:
    """Whether func's own body (not the literals in it) makes one of PROCESS_CALLS,
    directly or through a function of this file that it calls (or, given the package,
    of any file of the package: `ExitWithError` in a sibling that calls os.Exit)."""
    body = func.child_by_field_name("body")
    for node in walk(body, into_functions=False) if body is not None else ():
        if node.type != "call_expression":
            continue
        function = node.child_by_field_name("function")
        if names.qualified(function) in PROCESS_CALLS:
            return True
        if depth and function.type == "identifier":
            callee = names.function(text(source, function))
            if callee is not None and callee != func and changes_process(callee, source, names, depth - 1):
                return True
            found = package.function(text(source, function)) if callee is None and package is not None \
                and names.resolve(function).kind == PACKAGE else None
            if found is not None and changes_process(found[1], found[2], found[3], depth - 1):
                return True
    return False


def function_once(func: Any, package: PackageFiles, single: bool | int = False, watched: bool = False,
                  commands: bool = False) -> bool:
    """Whether the declared function or method func of the package's file 0 runs once
    per process (see the module's doc), found once per file and function. single: it
    runs a single time, not once per element of a collection: every call on the way is
    outside any loop, and none is in a `go` statement (a stall in a goroutine nobody
    watches is not seen by the user), found SINGLE_DEPTH calls up (a number: that many,
    FAR_DEPTH). watched (the wider view only): no call in a `go`
    statement counts either. commands (with watched): every path up ends at a command
    action or a command of the program's own table, not at main, init, set-up code or
    a package-level value: the function runs in a command that its user started and
    watches."""
    memo = file_memo(package.sources[0])
    key = (function_once, func, single, watched, commands)
    if key not in memo:
        memo[key] = once_per_process(func, 0, package, single=single, watched=watched, commands=commands)
    return memo[key]


def once_per_process(func: Any, at: int, package: PackageFiles, depth: int = 0, single: bool | int = False,
                     watched: bool = False, commands: bool = False) -> bool:
    """function_once of a declared function of the package's file at."""
    source = package.sources[at]
    names = package.file(at)[1]
    if func.type not in ("function_declaration", "method_declaration"):
        return False
    if command_action(func, names, source) or table_command(func, package, at) or \
            switch_command(func, package, at, depth):
        return True
    if commands and start_up(func, source):
        return False
    if start_up(func, source):
        return True
    name = text(source, func.child_by_field_name("name"))
    method = func.type == "method_declaration"
    if single and depth >= (SINGLE_DEPTH if single is True else single):
        return False
    if not single and not commands and changes_process(func, source, names, package=package):
        return True
    if depth >= ONCE_DEPTH:
        return False
    uses = []
    shape = Shape.of(func, source) if method else None
    for index, other in enumerate(package.sources):
        if not has_word(other, name.encode()):
            continue
        root, other_names = package.file(index)
        found = mentions(root, other, other_names, func if index == at else None, name, method, shape)
        if found is None:
            return False  # the name is used another way: a field or a variable
        uses += [(index, node) for node in found]
    if method and uses and not commands and receiver_type(func, source)[:1].islower() and all(
            package.package_variable(text(package.sources[i], m.parent.child_by_field_name("operand")))
            for i, m in uses):
        return True  # the method serves a value that lives as long as the process
    if not name[:1].islower():  # other packages may call it: set-up code here, or their calls, say
        if not single and not commands and uses and all(_setup_call(m.parent if method else m, package.sources[i],
                                                   package.file(i)[1], package) for i, m in uses):
            return True
        here = _calls_once(func, uses, package, depth, single, watched, commands)
        if method and not receiver_type(func, source)[:1].isupper() and (
                here or not _declares_interface(name, shape, package)):
            return False  # another package may call it through an interface only, unseen
        # (one the package never calls itself, of an unexported type, that the package
        # hands out as an interface it declares, `func New() Detector`, reaches the
        # module's other packages through it: their calls `x.Run(ctx)` of its name and
        # shape are read, as for an exported type's)
        calls = _imported_calls_once(func, name, package, depth, single, shape, watched, commands) \
            if here is not None else None
        return calls is not None and here + calls > 0
    here = _calls_once(func, uses, package, depth, single, watched, commands)
    return here is not None and here > 0


def _declares_interface(name: str, shape: "Shape | None", package: PackageFiles) -> bool:
    """Whether a file of the package declares an interface with a method of this name
    and shape (`type Detector interface { Run(ctx context.Context) error }`)."""
    for index, other in enumerate(package.sources):
        if not has_word(other, name.encode()) or b"interface" not in other:
            continue
        root, names = package.file(index)
        if any(node.parent.type in ("method_elem", "method_spec") and
               (shape is None or shape.fits(node.parent, other, names)) for node in named(root, other, name)):
            return True
    return False


def table_command(func: Any, package: PackageFiles, at: int = 0) -> bool:
    """Whether the declared function func of package main is a command of the program's
    own command table: every mention of it in the package (one at least) is an element of
    a composite literal beside a string literal, its command's name (`{"webapi",
    cmdWebapi}`, `{cmd: "webapi", fn: cmdWebapi}`, `"webapi": cmdWebapi`), outside any
    function or in main or init. A program runs the command its user names, once, as a
    CLI framework runs an action (command_action)."""
    def in_table(node: Any, index: int, other: bytes) -> bool:
        element = node.parent
        entry = element.parent if element.type == "literal_element" else None
        if entry is not None and entry.type == "keyed_element":
            entry = entry.parent
        home = enclosing_function(node)
        return entry is not None and entry.type == "literal_value" and (home is None or start_up(home, other)) and \
            any(c.type in ("interpreted_string_literal", "raw_string_literal")
                for e in entry.named_children
                for c in (e.named_children if e.type == "keyed_element" else [e])
                for c in c.named_children)
    return _every_mention(func, package, at, in_table)


def switch_command(func: Any, package: PackageFiles, at: int = 0, depth: int = 0) -> bool:
    """Whether the declared function func of package main is a command the program picks
    by its name: every mention of it in the package (one at least) is called in a case of
    a switch whose cases are all string literals (`switch args[1] { case "generate":
    return generateCmd(args[2:]) }`), outside any loop, in a function that runs once per
    process (main, init, or what only they call: not a request handler's switch on a
    method). A program runs the command its user names, once, as a command table's
    (table_command)."""
    def picked(node: Any, index: int, other: bytes) -> bool:
        call = node.parent
        case = next((a for a in ancestors(call) if a.type in FUNCTION_TYPES + ("expression_case",)), None) \
            if call.type == "call_expression" and call.child_by_field_name("function") == node else None
        if case is None or case.type != "expression_case" or in_loop(case) or not _named_cases(case.parent):
            return False
        home = enclosing_function(case)
        return home is not None and home != func and (start_up(home, other) or (
            home.type == "function_declaration" and once_per_process(home, index, package, depth + 1)))
    return depth < ONCE_DEPTH and _every_mention(func, package, at, picked)


def _every_mention(func: Any, package: PackageFiles, at: int, fits: Callable[[Any, int, bytes], bool]) -> bool:
    """Whether func is a declared function of package main that the package mentions (one
    mention at least) and every mention fits(identifier, its file's index, its source)."""
    source, names = package.sources[at], package.file(at)[1]
    if func.type != "function_declaration" or names.package != "main":
        return False
    name = text(source, func.child_by_field_name("name"))
    found = 0
    for index, other in enumerate(package.sources):
        if not has_word(other, name.encode()):
            continue
        root, other_names = package.file(index)
        for node in mentions(root, other, other_names, func if index == at else None, name, False) or ():
            if not fits(node, index, other):
                return False
            found += 1
    return found > 0


def _named_cases(switch: Any) -> bool:
    """Whether every case of the expression switch is a list of string literals."""
    cases = [c for c in switch.named_children if c.type == "expression_case"] \
        if switch is not None and switch.type == "expression_switch_statement" else []
    return bool(cases) and all(
        v.type in ("interpreted_string_literal", "raw_string_literal")
        for case in cases for v in case.child_by_field_name("value").named_children)


def _calls_once(func: Any, uses: list[tuple[int, Any]], package: PackageFiles, depth: int, single: bool,
                watched: bool = False, commands: bool = False) -> int | None:
    """How many uses (file index, identifier) of the function func in the package are
    calls that run once per process (see once_per_process), when every one does; None
    when one does not. A call from a function that does not run once but that nothing
    calls (`never_called`: an entry point of an application for code outside the module,
    an embedding app's, or dead code) adds no run, and is not counted."""
    method = func.type == "method_declaration"
    counted = 0
    for index, mention in uses:
        other, other_names = package.sources[index], package.file(index)[1]
        expr = mention.parent if method else mention
        holder = expr.parent
        if holder.type == "argument_list" and not commands and once_per_package(holder.parent, other, other_names):
            counted += 1
            continue
        if holder.type == "argument_list" and commands and _run_by_actions(holder.parent, expr, index, package):
            counted += 1
            continue  # `CmdBuilder(parent, RunInstall, "install", ...)`: the builder's action calls it
        if holder.type != "call_expression" or holder.child_by_field_name("function") != expr:
            return None
        if (single or watched) and holder.parent is not None and holder.parent.type == "go_statement":
            return None
        if not single and not commands and enclosing_function(holder) is None and \
                any(a.type == "var_spec" for a in ancestors(holder)):
            counted += 1
            continue  # `var cache = newCache()`: a package-level initialiser runs once
        caller = _home(holder, other_names, single)
        if caller is None or caller == func or watched and in_goroutine(holder, caller, other if commands else None):
            return None
        if caller.type == "func_literal":
            if not _once_literal(caller, other, other_names, commands) and \
                    not _literal_per_element(caller, index, package, depth, single, watched, commands) and \
                    not _group_literal(caller, index, package, depth, single, watched, commands):
                return None
        elif not once_per_process(caller, index, package, depth + 1, single, watched, commands):
            if never_called(caller, package, index):
                continue
            return None
        counted += 1
    return counted


def _imported_calls_once(func: Any, name: str, package: PackageFiles, depth: int, single: bool,
                         shape: "Shape | None" = None, watched: bool = False, commands: bool = False) -> int | None:
    """How many calls of the exported function or method func the module's other
    packages make (their non-test files outside test and example folders, that import
    its package), when every one runs once per process: outside a loop that can go
    round without a bound (single: any loop), in a program (package main, or under
    `cmd`: a command sets itself up once, as started_for_process has it; not for
    single, nor watched: a program's request handler calls from package main too), or in
    a function that runs once per process there; None when one does not
    or the module is not known. A method's call is any `x.name(...)` there (a call
    through an interface declared elsewhere is not seen). Library users outside the
    module are not seen either: with no call at all, the caller decides (0); a package
    that the module's example programs import is a library's API, whose users call it
    (None); of an application's package (`Package.application`), only a function they
    name (or a method of a type they name)."""
    facts = package.facts
    found = facts.importers(package.path) if facts is not None and package.path else None
    if not found:
        return None
    method = func.type == "method_declaration"
    import_path, files = found
    words = tuple(w for w in (name, shape.owner if shape is not None else "") if w) if facts.application() else ()
    if facts.in_examples(package.path, words):
        return None  # a library's API, which its examples show: its users call it, unseen
    calls = 0
    for path, source, other, names, node in _importer_selections(files, name, package, commands):
        holder = node.parent
        if shape is not None and not shape.fits(holder, source, names):
            continue  # another method of that name: its arguments do not fit func's
        operand = holder.child_by_field_name("operand")
        binding = names.resolve(operand) if operand.type == "identifier" else None
        if binding is not None and binding.kind == IMPORT and binding.path != import_path:
            continue  # another package's function
        if not method and (binding is None or binding.kind != IMPORT):
            continue  # a method or field of a value (`cli.Upgrade` of a package-level `cli`)
        call = holder.parent
        if call.type != "call_expression" or call.child_by_field_name("function") != holder:
            return None
        if (single or watched) and call.parent is not None and call.parent.type == "go_statement":
            return None
        if not single and not watched and in_program(path, names.package) and not repeats(call, names):
            calls += 1
            continue
        caller = _home(call, names, single)
        if caller is None or watched and in_goroutine(call, caller, source if commands else None):
            return None
        if caller.type == "func_literal":
            if not _once_literal(caller, source, names, commands):
                return None
        elif not once_per_process(caller, 0, other, depth + 1, single, watched, commands):
            if never_called(caller, other):
                continue  # as in _calls_once: no run
            return None
        calls += 1
    return calls


# Mock generators' import paths: a file importing one is a test double (gomock's
# `reflect.TypeOf((*MockService)(nil).Method)` names each method without calling it).
MOCK_FRAMEWORKS = (b'"github.com/golang/mock/', b'"go.uber.org/mock/', b'"github.com/stretchr/testify/mock"')


def _importer_selections(files: list[str], name: str, package: PackageFiles,
                         doubles: bool = False) -> Iterator[tuple]:
    """(path, source, its package, names, the field identifier) for each selection
    `x.name` in the importing files given, those in test or example trees left out,
    and (doubles: function_once's commands view) test doubles (MOCK_FRAMEWORKS)."""
    for path in files:
        if gomod.in_test_or_example_tree(path):
            continue
        source = file_source(path)
        if source is None or not has_word(source, name.encode()) or \
                doubles and any(m in source for m in MOCK_FRAMEWORKS):
            continue
        other = _other_package(path, source, package)
        root, names = other.file(0)
        for node in named(root, source, name):
            if node.type == "field_identifier" and node.parent.type == "selector_expression":
                yield path, source, other, names, node


def _other_package(path: str, source: bytes, package: PackageFiles) -> PackageFiles:
    """The PackageFiles of a file of another package of the module, its siblings read
    from disk and recorded (with the file) in the analysed file's package facts."""
    memo = file_memo(package.sources[0])
    key = (_other_package, path)
    if key not in memo:
        root = parsed(source)
        names = Names(root, source)
        sibling = Package(path, names.package, source)
        sources = sibling.sources()
        for file in [path, *sibling.siblings]:
            package.facts.record(file)
        memo[key] = PackageFiles(source, root, names, sources, path, package.facts)
    return memo[key]


def _home(node: Any, names: Names, single: bool) -> Any | None:
    """The function whose one run runs node once per element at most: its enclosing
    function, through literals called on the spot (`go func() {...}()` too); None when a
    loop that can go round without a bound (cfg.repeats; single: any loop) holds it
    there."""
    while True:
        if in_loop(node) if single else repeats(node, names):
            return None
        func = enclosing_function(node)
        call = func.parent if func is not None and func.type == "func_literal" else None
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != func:
            return func
        node = call


def in_goroutine(node: Any, func: Any, joins: bytes | None = None) -> bool:
    """Whether node runs in a `go func() {...}()` literal of func (called on the spot).
    Given the file's source (joins), not one whose starter waits for it to end
    (channels.joined: `wg.Wait()` for its `wg.Done()`, a fan-out over a command's
    arguments): the stall holds up the starter, where its user sees it."""
    return any(a.type == "go_statement" and (
        joins is None or not joined(a, a.named_children[0].child_by_field_name("function"),
                                    enclosing_function(a), joins))
        for a in ancestors(node) if a.start_byte > func.start_byte)


def _once_literal(literal: Any, source: bytes, names: Names, commands: bool = False) -> bool:
    """A function literal run once per process: a command action, or (not commands) one
    handed to `Do` of a package-level Once."""
    if command_action(literal, names, source):
        return True
    holder = literal.parent
    return not commands and holder is not None and holder.type == "argument_list" and \
        once_per_package(holder.parent, source, names)


def _literal_per_element(literal: Any, at: int, package: PackageFiles, depth: int, single: bool,
                         watched: bool = False, commands: bool = False) -> bool:
    """Not single: whether a function literal of the package's file at is handed to a
    function of the package (`runParallel(func(i int) error {...}, len(dbs), n)`) that
    calls that parameter only outside loops that can go round without a bound (a count
    or a collection's elements; in a `go` statement too), from a call that runs once per
    process: the literal runs once per element of what that one run was given. A generic
    function's call (`parallel[T](f1, f2)`) counts; commands: not one in a goroutine that
    the function does not wait for (channels.joined)."""
    holder = literal.parent
    call = holder.parent if not single and holder is not None and holder.type == "argument_list" else None
    source, names = package.sources[at], package.file(at)[1]
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if function is not None and function.type == "index_expression":
        function = function.child_by_field_name("operand")  # `parallel[T]`: the generic function
    if function is None or function.type != "identifier" or names.resolve(function).kind != PACKAGE:
        return False
    name = text(source, function)
    here = declared(package.file(0)[0], package.sources[0], name, "function_declaration")
    found = (0, here[0], package.sources[0], package.file(0)[1]) if len(here) == 1 else package.function(name)
    place = next((i for i, a in enumerate(arguments(call)) if a == literal), None)
    params = parameters(found[1], found[2], receiver=False) if found is not None else []
    if place is None or place >= len(params) or not params[place][0]:
        return False
    index, callee, callee_source, callee_names = found
    body, parameter = callee.child_by_field_name("body"), params[place][0]
    uses = [n for n in named(package.file(index)[0], callee_source, parameter)
            if body is not None and body.start_byte <= n.start_byte < body.end_byte]
    if not uses or any(n.parent.type != "call_expression" or n.parent.child_by_field_name("function") != n or
                       _home(n.parent, callee_names, single) != callee or
                       commands and in_goroutine(n.parent, callee, callee_source) for n in uses):
        return False
    caller = _home(call, names, single)
    if caller is None or caller == callee:
        return False
    if caller.type == "func_literal":
        return _once_literal(caller, source, names, commands)
    return once_per_process(caller, at, package, depth + 1, single, watched, commands)


def _waits_on(function: Any, group: Any, source: bytes, names: Any) -> bool:
    """Whether a call's function is `g.Wait` of the group variable g."""
    operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    return operand is not None and operand.type == "identifier" and \
        text(source, function.child_by_field_name("field")) == "Wait" and names.same_variable(operand, group)


def _group_literal(literal: Any, at: int, package: PackageFiles, depth: int, single: bool | int,
                   watched: bool = False, commands: bool = False) -> bool:
    """Whether a function literal is handed to `g.Go` of an errgroup (`g, ctx :=
    errgroup.WithContext(ctx)`, `var g errgroup.Group`) that the same function waits
    for after it (`g.Wait()`), outside loops, in a function that runs once per process:
    the group runs it once, and its starter waits for it (a goroutine it joins)."""
    holder = literal.parent
    call = holder.parent if holder is not None and holder.type == "argument_list" else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    source, names = package.sources[at], package.file(at)[1]
    group = function.child_by_field_name("operand") if function is not None and \
        function.type == "selector_expression" and text(source, function.child_by_field_name("field")) == "Go" else None
    if group is None or group.type != "identifier" or len(arguments(call)) != 1:
        return False
    made = names.made_by(group, call)
    decl = names.resolve(group).decl
    spec = decl.parent if decl is not None and decl.parent is not None and decl.parent.type == "var_spec" else None
    if not (made is not None and names.calls(made, "golang.org/x/sync/errgroup", ("WithContext",)) or
            spec is not None and names.qualified(spec.child_by_field_name("type")) ==
            ("golang.org/x/sync/errgroup", "Group")):
        return False
    caller = _home(call, names, single)
    if caller is None or not any(
            n.start_byte > call.end_byte and not arguments(n) and
            _waits_on(n.child_by_field_name("function"), group, source, names)
            for n in descendants(caller, ("call_expression",), into_functions=False)):
        return False
    if caller.type == "func_literal":
        return _once_literal(caller, source, names, commands)
    return once_per_process(caller, at, package, depth + 1, single, watched, commands)


def _run_by_actions(call: Any, value: Any, at: int, package: PackageFiles, depth: int = 0) -> bool:
    """The commands view: whether the function value handed to call, a function of the
    package or of another package of the module (`command.New("diag", short, long, Run)`),
    runs only in command actions: every use of the parameter it is bound to there (one at
    least, a comparison with nil aside) is a call in a command action literal that the
    function builds or returns (`c.Command.Run = func(cmd *cobra.Command, args []string)
    {... err = cr(c) }`, a command builder taking the program's own runner type), outside
    loops of the literal, or hands it on to another such function (`CmdBuilder` to
    `cmdBuilderWithInit`, `New` to `newRunE`)."""
    source, names = package.sources[at], package.file(at)[1]
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    found, callee_package = _callee(function, names, package, source) if function is not None and depth <= 2 \
        else (None, package)
    place = next((i for i, a in enumerate(arguments(call)) if a == value), None)
    params = parameters(found[1], found[2], receiver=False) if found is not None else []
    if place is None or place >= len(params) or not params[place][0]:
        return False
    index, callee, callee_source, callee_names = found
    body = callee.child_by_field_name("body")
    uses = [n for n in named(callee_package.file(index)[0], callee_source, params[place][0])
            if body is not None and body.start_byte <= n.start_byte < body.end_byte]
    for use in uses:
        holder = use.parent
        if holder.type == "binary_expression" and any(text(callee_source, c) == "nil" for c in holder.named_children):
            continue  # `if fn == nil`
        if holder.type == "argument_list":
            if not _run_by_actions(holder.parent, use, index, callee_package, depth + 1):
                return False
            continue
        action = enclosing_function(holder)
        if holder.type != "call_expression" or holder.child_by_field_name("function") != use or \
                action is None or action.type != "func_literal" or \
                not command_action(action, callee_names, callee_source) or _outside_loops(holder) != action:
            return False
    return bool(uses)


def _callee(function: Any, names: Names, package: PackageFiles,
            source: bytes) -> tuple[tuple[int, Any, bytes, Names] | None, PackageFiles]:
    """The declaration a call's function names ((file index, declaration, source, names)
    and its PackageFiles): a function of the package, or an exported one of another
    package of the module (`command.New`), read from its folder."""
    if function.type == "identifier" and names.resolve(function).kind == PACKAGE:
        name = text(source, function)
        here = declared(package.file(0)[0], package.sources[0], name, "function_declaration")
        return ((0, here[0], package.sources[0], package.file(0)[1]) if len(here) == 1
                else package.function(name)), package
    operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    binding = names.resolve(operand) if operand is not None and operand.type == "identifier" else None
    folder = package.facts.module_package(binding.path) if binding is not None and binding.kind == IMPORT and \
        package.facts is not None else None
    name = text(source, function.child_by_field_name("field")) if folder else ""
    header = re.compile(rb"^func\s+" + re.escape(name.encode()) + rb"\s*[\[(]", re.M)
    for file, other_source in (folder_files(folder) or ()) if name[:1].isupper() else ():
        if is_test_file(file) or not header.search(other_source):
            continue
        other = _other_package(os.path.join(folder, file), other_source, package)
        found = declared(other.file(0)[0], other_source, name, "function_declaration")
        if len(found) == 1:
            return (0, found[0], other_source, other.file(0)[1]), other
    return None, package


def _setup_call(expr: Any, source: bytes, names: Names, package: PackageFiles) -> bool:
    """Whether expr is called, outside a loop, by a program's set-up code: main, init,
    or a declared function that changes the whole process (PROCESS_CALLS, such as a
    daemon's run that parses its flags). An exported function that only such code of
    its package calls is a part of the process it sets up."""
    holder = expr.parent
    if holder.type != "call_expression" or holder.child_by_field_name("function") != expr or \
            repeats(holder, names):
        return False
    caller = enclosing_function(holder)
    if caller is None or caller.type == "func_literal":
        return False
    return start_up(caller, source) or changes_process(caller, source, names, package=package)


def once_per_package(call: Any, source: bytes, names: Names) -> bool:
    """`once.Do(f)` on a package-level sync.Once (or `sync.OnceFunc(f)` and the like):
    once per process. A Once kept in a field runs f once per value."""
    if not once_call(call, source, names):
        return False
    function = call.child_by_field_name("function")
    once = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    if once is None or once.type != "identifier":
        return False
    kind = names.resolve(once).kind
    return kind == IMPORT or (kind == PACKAGE and _declared_var(text(source, once), names))


def mentions(root: Any, source: bytes, names: Names, func: Any | None, name: str,
              method: bool, shape: "Shape | None" = None) -> list[Any] | None:
    """The identifiers of a file that name the function (`f`) or the method (the field
    of `x.m`), the declaration of func left out; None when the method's name is used
    another way (a struct field or an interface method of the same name). Given the
    method's shape, a call or an interface method that cannot be it is left out."""
    decl = func.child_by_field_name("name") if func is not None else None
    found = []
    for node in named(root, source, name):  # a walk of the file for each name cost seconds on large ones
        if node == decl:
            continue
        if node.parent.type in ("function_declaration", "method_declaration") and \
                node.parent.child_by_field_name("name") == node:
            continue  # the same function for another build (x_windows.go, x_unix.go)
        if method and node.type == "field_identifier":
            if shape is not None and not shape.fits(node.parent, source, names):
                continue  # another method of that name (a generated client's `Get(ctx, id, opts...)`)
            if node.parent.type in ("method_elem", "method_spec") and shape is not None and \
                    shape.owner[:1].islower() and name[:1].isupper():
                continue  # the interface an unexported type is handed out as: its calls are `x.M(...)`
            if node.parent.type != "selector_expression":
                return None
            found.append(node)
        elif not method and node.type == "identifier" and names.resolve(node).kind == PACKAGE:
            found.append(node)
    return found


class Shape(NamedTuple):
    """A method's parameters and results, to tell it from another type's method of the
    same name: how many parameters (the last variadic or not) and the types as written."""
    count: int
    variadic: bool
    signature: tuple[str, str]
    owner: str

    @classmethod
    def of(cls, func: Any, source: bytes) -> "Shape":
        kinds = [kind for _, kind in parameters(func, source, receiver=False)]
        plist = func.child_by_field_name("parameters")
        variadic = plist is not None and any(c.type == "variadic_parameter_declaration" for c in plist.named_children)
        result = func.child_by_field_name("result")
        shown = [re.sub(r"\s+", "", text(source, k)) if k is not None else "" for k in kinds]
        return cls(len(kinds), variadic, (",".join(shown),
                                          re.sub(r"\s+", "", text(source, result)) if result is not None else ""),
                   receiver_type(func, source) if func.type == "method_declaration" else "")

    def fits(self, use: Any, source: bytes, names: Names) -> bool:
        """Whether use, the selector `x.m` (called or not) or an interface's method
        `m(...)`, can be the method: one on a value whose declared type's method it
        is not (`Types.method_holder`), a call whose arguments do not fit its
        parameters, or an interface method of other parameter or result types, cannot."""
        if use.type in ("method_elem", "method_spec"):
            return Shape.of(use, source).signature == self.signature
        if use.type != "selector_expression":
            return True
        types = types_for(names)
        holder = types.method_holder(types.of(use.child_by_field_name("operand")), text(
            source, use.child_by_field_name("field")))
        if holder is not None and holder != self.owner:
            return False
        call = use.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != use:
            return True
        args = arguments(call)
        if len(args) == 1 and args[0].type == "call_expression" and self.count > 1:
            return True  # f(g()): g's results may be all of them
        return len(args) == self.count or (self.variadic and len(args) >= self.count - 1)


def library_api(func: Any, package: PackageFiles, at: int = 0) -> bool | None:
    """Whether the declared function func of the package's file at is a library's API,
    which its users, unseen by the module, may call any number of times: an exported
    function, or an exported method of an exported type, of a library's package
    (`library_package`, its example programs naming the function or the type). The one
    answer to "may users call it again?"; None outside a known module (not known: a
    rule that asks for evidence of repetition takes it for no, one that asks whether
    something surely runs once for yes)."""
    if func is None or func.type not in ("function_declaration", "method_declaration"):
        return False
    source = package.sources[at]
    name = text(source, func.child_by_field_name("name"))
    owner = receiver_type(func, source) if func.type == "method_declaration" else ""
    if not name[:1].isupper() or owner[:1].islower():
        return False
    return library_package(package, at, tuple(w for w in (name, owner) if w))


def library_package(package: PackageFiles, at: int = 0, words: tuple[str, ...] = ()) -> bool | None:
    """Whether the package of file at is a library's, whose users the module does not
    show: not main nor under an `internal` or `cmd` folder (`syntax.in_program`), of a
    module that is not an application, or whose example programs import it and name one
    of words (`Package.library`: an application's package that also serves an SDK's
    examples is a library's for what they use); None outside a known module."""
    path = package.path or ""
    package_name = package.file(at)[1].package
    if package_name == "main" or (path and in_program(path, package_name)):
        return False
    facts = package.facts
    found = facts.library(path or None, words) if facts is not None else None
    return False if found is None and "internal" in path.replace("\\", "/").split("/")[:-1] else found


def only_tests_call(name: str, owner: str, package: PackageFiles) -> bool:
    """Whether only test code calls the method name of the type owner (or, owner "",
    the function name) of the package: the package is an application's (an exported
    one: `library_package` says no, so no user outside calls it), and no non-test file
    of the module outside its test trees (`gomod.in_test_tree`) names it other than in
    its declaration or a comment (`Package.mentioning`: a call or a method value
    counts). A stop that only tests reach does not happen in the program."""
    facts = package.facts
    if facts is None or name[:1].isupper() and (not owner or owner[:1].isupper()) and \
            library_package(package, 0, tuple(w for w in (name, owner) if w)) is not False:
        return False
    found = facts.mentioning(name)
    return found is not None and all(gomod.in_test_tree(path) for path in found)


# --- nodes that run once per process ----------------------------------------------------

def runs_once(node: Any, names: Any, root: Any, source: bytes, programs: bool = True, single: bool | int = True,
              watched: bool = False, commands: bool = False) -> bool:
    """Whether node runs at most once per run of its process, so that what it leaves
    behind is one of a kind and ends with the process: outside any loop of its function
    (a function literal called on the spot, `go func() {...}()` included, counting as
    the function around it), and
    - in a program that does its work and exits (`one_shot_program`), or
    - in a command action of a CLI framework (`command_action`: the framework runs one
      per run of the command, also in a daemon, where it is the process's lifetime), or
    - in a function that runs once per process (`function_once`), counting no call in a
      `go` statement (a goroutine nobody watches).
    A stall there is seen by the user, who interrupts it; a daemon's loops and its
    functions called per request keep their findings. programs=False: not the first (a
    function of a program's file, a request handler, may run any number of times before
    the program ends). single=False: function_once's wider view (a call in a bounded
    loop or a `go` statement counts, and so do the module's other packages; watched: not
    one in a `go` statement; commands: only paths from command actions, as
    function_once has it)."""
    if programs and one_shot_program(names, root, source):
        return _outside_loops(node) is not None
    func = _outside_loops(node)
    if func is None:
        # a literal handed on: a command action itself (`RunE: func(cmd, args) ...`)
        func = enclosing_function(node)
        return func is not None and func.type == "func_literal" and command_action(func, names, source) and \
            not in_loop(node)
    if func.type == "func_literal":
        return command_action(func, names, source)
    if watched and in_goroutine(node, func, source if commands else None):
        return False
    return function_once(func, PackageFiles.for_file(source, root, names), single=single, watched=watched,
                         commands=commands)


def _outside_loops(node: Any) -> Any | None:
    """The function node runs in once per run of that function: its enclosing function,
    through literals called on the spot; None inside a loop, or inside a literal that is
    handed on (a callback may run many times)."""
    for parent in ancestors(node):
        if parent.type == "for_statement":
            return None
        if parent.type in FUNCTION_TYPES:
            if parent.type == "func_literal":
                call = parent.parent
                if call is not None and call.type == "call_expression" and call.child_by_field_name("function") == parent:
                    continue
            return parent
    return None


# --- functions that run only in goroutines their package starts ------------------------

def only_in_own_goroutines(func: Any, package: PackageFiles) -> bool:
    """Whether the unexported function or method func of the package's file 0 runs only
    in goroutines that its package starts: every call of it (up to ONCE_DEPTH callers
    up, through literals called on the spot) is in a `go` statement (`go w.run()`, `go
    func() {...}()`) or in another such function. A call from an exported function (a
    library user's, or a request handler's in another package), a function handed on as
    a value or no call at all: not
    known. Below a `go` statement no frame of a caller is: only the package's own code
    could recover a panic there. A literal handed to a call or kept in a composite literal
    (`Worker{Process: func(...) {...}}`) runs where its function hands it, unless it is a
    request handler (`requests.serves_requests`), which a server runs."""
    memo = file_memo(package.sources[0])
    key = (only_in_own_goroutines, func)
    if key not in memo:
        memo[key] = _in_own_goroutines(func, 0, package, 0)
    return memo[key]


def _in_own_goroutines(func: Any, at: int, package: PackageFiles, depth: int) -> bool:
    source = package.sources[at]
    if func.type not in ("function_declaration", "method_declaration") or depth >= ONCE_DEPTH:
        return False
    name = text(source, func.child_by_field_name("name"))
    method = func.type == "method_declaration"
    if not name[:1].islower():
        return False  # other packages may call it
    uses = []
    for index, other in enumerate(package.sources):
        if not has_word(other, name.encode()):
            continue
        root, other_names = package.file(index)
        found = _method_mentions(root, other, other_names, receiver_type(func, source), name) if method else \
            mentions(root, other, other_names, func if index == at else None, name, False)
        if found is None:
            return False
        uses += [(index, node) for node in found]
    if not uses:
        return False
    for index, mention in uses:
        expr = mention.parent if method else mention
        node = expr.parent
        if node.type != "call_expression" or node.child_by_field_name("function") != expr:
            return False  # handed on as a value
        while node.parent is not None and node.parent.type != "go_statement":
            caller = enclosing_function(node)
            if caller is None:
                return False  # a package-level initialiser
            holder = caller.parent if caller.type == "func_literal" else None
            if holder is None:
                if caller != func and not _in_own_goroutines(caller, index, package, depth + 1):
                    return False
                break
            if holder.type != "call_expression" or holder.child_by_field_name("function") != caller:
                # a literal handed on to a call or in a composite literal runs in the goroutine
                # its enclosing function runs in, or in one the callee starts; a request
                # handler's runs in the server's
                if holder.type not in ("argument_list", "literal_element") or \
                        serves_requests(caller, package.sources[index], package.file(index)[1]):
                    return False
            node = holder
    return True


def _method_mentions(root: Any, source: bytes, names: Names, owner: str, name: str) -> list[Any] | None:
    """The selectors of a file that may name the method name of the type owner (`x.name`):
    a struct field of that name declared, or a selector on a value of another type of
    the package (`e.names.name`, a field), left out; None when the name is used another
    way (an interface's method)."""
    types = types_for(names)
    found = []
    for node in named(root, source, name):
        parent = node.parent
        if node.type != "field_identifier" or parent.type == "field_declaration" or \
                parent.type == "method_declaration" and parent.child_by_field_name("name") == node:
            continue
        if parent.type != "selector_expression":
            return None
        kind = types.of(parent.child_by_field_name("operand"))
        base = kind.deref() if kind is not None else None
        if base is not None and base.kind == "named" and base.path == "" and \
                types.method_holder(kind, name) != owner:
            continue  # a field or method of another type of the package
        found.append(node)
    return found


method_mentions = _method_mentions  # for rules: the calls of a method of a type in a file


# --- goroutines started once per process ------------------------------------------------

def process_lifetime(go: Any, source: bytes) -> bool:
    """Started from main or init, or inside a `once.Do(func() {...})` (or sync.OnceFunc):
    meant to live as long as the process."""
    func = enclosing_function(go)
    while func is not None and func.type == "func_literal":
        args = func.parent
        if args is not None and args.type == "argument_list" and once_call(args.parent, source):
            return True
        func = enclosing_function(func)
    if start_up(func, source):
        return True
    return _guarded_once(go, func, source)


def started_for_process(go: Any, ctx: Any) -> bool:
    """Whether the package shows that the go statement runs once per process, its
    goroutine meant to live as long as the process: from main or init (a callback
    registered there too), a package-level Once, a program's set-up code outside a
    loop, or a function that runs once per process (function_once)."""
    if process_lifetime(go, ctx.source):
        return True
    if repeats(go, ctx.names):
        return False
    if in_program(ctx.path, ctx.names.package):
        return True
    start = enclosing_function(go)
    return start is not None and start.type != "func_literal" and function_once(start, PackageFiles.of(ctx))


def _guarded_once(go: Any, func: Any, source: bytes) -> bool:
    """Started behind a once-guard of its own: inside `if ... CompareAndSwap(...)` /
    `atomic.Cas(...)`, or after an early `if v != nil { return }` (or `if v { return }`)
    on a package-level variable that the function then sets before the go statement,
    or `if x, ok := m[k]; ok { return x }` on a package-level map that it then stores
    the key in (`m[k] = x`): one start per key, whose value the map keeps for the life
    of the process."""
    names = names_for(source, go)
    node = go.parent
    while node is not None and node.type not in FUNCTION_TYPES:
        if node.type == "if_statement":
            condition = node.child_by_field_name("condition")
            if any(n.type == "call_expression" and call_name(n, source)[1].startswith(("CompareAndSwap", "Cas"))
                   for n in (condition, *walk(condition))):
                return True
        node = node.parent
    body = func.child_by_field_name("body") if func is not None else None
    guards = set()
    for stmt in _guard_statements(body, source) if body is not None else ():
        if stmt.start_byte >= go.start_byte:
            break
        if stmt.type == "if_statement" and _returns_at_once(stmt):
            checked = [stmt.child_by_field_name("condition"), stmt.child_by_field_name("initializer")]
            guards |= {text(source, n) for part in checked if part is not None for n in walk(part)
                       if n.type == "identifier" and names.resolve(n).kind == PACKAGE}
        elif stmt.type == "assignment_statement":
            left = stmt.child_by_field_name("left")
            # `v = x`, or `m[k] = x` for a map the guard looked the key up in
            targets = [n.child_by_field_name("operand") if n.type == "index_expression" else n
                       for n in left.named_children]
            if any(n is not None and n.type == "identifier" and text(source, n) in guards and
                   names.resolve(n).kind == PACKAGE for n in targets):
                return True
    return False


@per_file
def _guard_statements(body: Any, source: bytes) -> list[Any]:
    """The statements of a body that _guarded_once reads (ifs that return at once and
    assignments), listed once per function rather than once per go statement."""
    return [s for s in statements(body)
            if s.type == "assignment_statement" or (s.type == "if_statement" and _returns_at_once(s))]


def _returns_at_once(stmt: Any) -> bool:
    """`if cond { return }` with nothing else in the branch and no else."""
    consequence = stmt.child_by_field_name("consequence")
    inner = statements(consequence) if consequence is not None else []
    return stmt.child_by_field_name("alternative") is None and len(inner) == 1 and \
        inner[0].type == "return_statement"


# --- test code whose cost ends with the test binary -------------------------------------

# The import paths of goroutine leak checkers (`goleak.VerifyNone(t)`,
# `goleak.VerifyTestMain(m)`, `leaktest.Check(t)`).
LEAK_CHECKERS = re.compile(rb'"(?:go\.uber\.org/goleak|github\.com/fortytw2/leaktest)"')
LEAK_CHECKER_IMPORTS = (b'"go.uber.org/goleak"', b'"github.com/fortytw2/leaktest"')
# Calls of leak checks that look at every goroutine of the test binary, so that one a
# test left behind fails a test: goleak's (`goleak.VerifyTestMain(m)`, `goleak.VerifyNone(t)`,
# which sees earlier tests' leftovers too) and a project's own, named for what it checks
# (`testutil.CheckLeakedGoroutine()`, `MustTestMainWithLeakDetection(m)`). leaktest's
# `Check(t)` compares with the goroutines its test started with: only its own test's count.
BINARY_LEAK_CHECKS = re.compile(rb"Verify(?:TestMain|None)\(|Leak(?:edGoroutine|Detection)\w*\(")
BINARY_LEAK_CHECK_WORDS = (b"VerifyTestMain", b"VerifyNone", b"Leak")
_OWN_LEAK_CHECK = re.compile(rb"\bleaktest\.Check\w*\(")

# How far up the module's importers a package of test support is followed.
SUPPORT_DEPTH = 3


def test_code(node: Any, names: Names, path: str) -> bool:
    """Whether node is test code, the one answer the rules ask: `Names.in_test_code` (a
    `_test.go` file, a package named as Go names test helpers, a function taking a
    `*testing.T`, `testing.TB`, ..., a method of a type holding one or of a testify
    suite), a file that imports a test framework (ginkgo, gomega, testify: outside
    `_test.go` only test support does), one built only for tests (`test_build`), one
    below a folder of test programs of its module (`gomod.in_test_tree`: `tests`, `e2e`,
    `integration`, `lntest`, ...) that
    imports `testing`, or one of a package of test support (`test_support`)."""
    if names.in_test_code(node):
        return True
    memo = file_memo(names.source)
    key = (test_code, path)
    if key not in memo:  # the file's answer, once per file
        memo[key] = any(i.path.startswith(TEST_FRAMEWORKS) for i in names.imports) or \
            gomod.in_test_tree(path) and any(i.path == "testing" for i in names.imports) or \
            test_build(names.source) or test_support(path, names)
    return memo[key]


def test_build(source: bytes) -> bool:
    """Whether the file is built only for tests: its `//go:build` expression, with no
    `||`, requires a tag named as Go names folders of test programs or helpers
    (`integration`, `e2e`, `integration_test`, `testutil`: `gomod.test_folder`). A
    plain `go build` leaves it out; only a test run with that tag builds it."""
    return build_requires(source, gomod.test_folder)


def test_only(path: str, names: Names) -> bool:
    """Whether the (non-test) file at path is test code that only the module's own tests
    can run: built only for tests (`test_build`), or of a package of test support
    (`test_support`) under `internal`, which nothing outside the module imports. Test
    support by its importers that outsiders may import (a client package that only the
    module's integration suite imports here) may be their API."""
    if test_build(names.source):
        return True
    found = names.facts.importers(path) if names.facts is not None and path else None
    return found is not None and "internal" in found[0].split("/") and test_support(path, names)


# An import of package testing, on a line of its own (in a block or not).
_TESTING_IMPORT = re.compile(rb'^(?:import\s+)?\s*(?:\w+\s+)?"testing"\s*$', re.M)


def test_support(path: str, names: Names, depth: int = SUPPORT_DEPTH) -> bool:
    """Whether the package of the (non-test) file at path is test support by its users:
    every file of the module's other packages that imports it is test code (it imports
    `testing`, its package is named as Go names test helpers, `package test`, or its
    package is such, up to depth importers up: an `internal/assert` that the module's
    test harnesses import). With no such file, a package below a folder of test
    programs (`integration/flows`, which only the suite's `_test.go` files import) is,
    and so is one under `internal` that a `_test.go` file of the module imports
    (`Package.test_imported`; nothing outside the module can); another may be a
    library's API, or dead code. Outside a module, the folders' names alone say
    (`gomod.in_test_tree`). A folder of test programs that production code imports (an
    `integration` package of a service's integrations) is not, nor is the module's root
    package (a library's API that only its test folder imports here)."""
    facts = names.facts
    if not path or is_test_file(path):
        return False
    found = facts.importers(path) if facts is not None else None
    if found is None:
        return gomod.in_test_tree(path)
    if not found[1]:
        return gomod.in_test_tree(path) or "internal" in found[0].split("/") and test_imported(path)
    module = facts.module()
    if module is not None and module[1] == found[0] and not gomod.in_test_tree(path):
        return False  # the module's root package: what the module is for, whoever imports it here
    for importer in found[1]:
        source = file_source(importer)
        if source is None or not (_TESTING_IMPORT.search(source) or test_support_name(package_clause(source)) or
                                  depth > 1 and test_support(importer, names, depth - 1)):
            return False
    return True


def test_cost_only(node: Any, names: Names, path: str, source: bytes, goroutines: bool = False,
                   programs: bool = False, loops: bool = True) -> bool:
    """Whether what node leaks costs only the test binary it runs in, as far as the code
    shows: the one answer to "is this finding's cost confined to tests?". node is test
    code (`test_code`), or in a function only the package's tests call
    (`tests_run_only`), that runs in a test: not a program (package main: a test runner
    or a fake server ends with its process, as programs do, and what repeats there is
    for the rules' own reading of programs; with programs, a rule that takes one
    response or value per run of such a program as bounded counts it), an `Example`
    (users copy it), nor a plain
    function of a `_test.go` file (no test entry, testing parameter or test type around
    it: the code under test, as a bug suite's kernel or a book's function is), unless the
    file lies below a folder of test programs (an e2e suite's own helpers) or it is an
    unexported one beside the package's own code (`_beside_code_under_test`: the tests'
    helper). Not
    either where the code shows harm within the tests: node in a loop of its function
    or of one around it (one per iteration piles up), other than a loop over a table the
    source writes out (`over_table`: as many as the tests written out) or a poll or
    retry that ends at success (`retry_loop`: as many as its tries; with loops=False
    no loop counts: a rule whose strict readings found no loop of test code that
    piled up harm a project would change, GL008's), or, with goroutines (a cost that
    leaves a goroutine behind), a goroutine that a leak check of the tests sees
    (`leak_checked`), which then fails."""
    if names.in_example(node) or not (test_code(node, names, path) or tests_run_only(node, names, path)) or \
            names.package == "main" and not is_test_file(path) and not programs:
        return False  # (a test program, a runner or a fake server, ends with its process, as programs do)
    if is_test_file(path) and not gomod.in_test_tree(path):
        outer = names.outermost_function(node)
        name = outer.child_by_field_name("name") if outer is not None and outer.type != "func_literal" else None
        # (a function literal outermost: a spec tree declared at package level)
        if outer is not None and outer.type != "func_literal" and not (
                name is not None and is_test_entry(text(source, name)) or any(
                names.qualified(kind) in TESTING_VALUES for func in names.ancestors(node)
                if func.type in FUNCTION_TYPES for _, kind in parameters(func, source, receiver=False)) or
                outer.type == "method_declaration" and names.test_type(receiver_type(outer, source)) or
                name is not None and name.type == "identifier" and text(source, name)[:1].islower() and
                _beside_code_under_test(path, names)):
            return False
    for parent in names.ancestors(node) if loops else ():
        body = parent.child_by_field_name("body") if parent.type == "for_statement" else None
        if body is not None and body.start_byte <= node.start_byte < body.end_byte and \
                not over_table(parent, names) and not retry_loop(parent, names):
            return False
    return not goroutines or not leak_checked(node, names, path, source)


def _beside_code_under_test(path: str, names: Names) -> bool:
    """Whether the folder of the `_test.go` file at path holds a non-test file of its
    package (its external test package's too): the code under test lies there, and an
    unexported plain function of the test file (`isReady(ctx, container)`, a probe
    handed to a test harness) is a helper of its tests. A bug suite's kernel, a folder
    of test files alone, is the code under test itself, and so is an exported function
    (a book's example, which readers copy)."""
    package = names.package.removesuffix("_test")
    return any(not name.endswith("_test.go") and package_clause(other) == package
               for name, other in folder_files(os.path.dirname(path) or ".") or ())


def tests_run_only(node: Any, names: Names, path: str) -> bool:
    """Whether node is in a function (not a method, which an interface may call) of a
    non-test file that only its package's `_test.go` files call: `only_tests_call` (no
    other file of the module names it, none outside can), one of the folder's `_test.go`
    files names it, and the
    module's other packages import the package (code with users of its own, where a
    function only tests call is their helper: not a suite's kernel that its test
    drives). A helper marked `// for testing` in a package of the program."""
    func = names.outermost_function(node)
    if not path or is_test_file(path) or func is None or func.type != "function_declaration":
        return False  # (a method: an interface may call it, `io.Copy` a ReadFrom)
    memo = file_memo(names.source)
    key = (tests_run_only, func.start_byte)
    if key not in memo:
        name = text(names.source, func.child_by_field_name("name"))
        found = names.facts.importers(path) if names.facts is not None else None
        memo[key] = bool(found and found[1]) and any(
            file_name.endswith("_test.go") and has_word(other, name.encode())
            for file_name, other in folder_files(os.path.dirname(path) or ".") or ()) and \
            only_tests_call(name, "", PackageFiles.for_file(names.source, names.root, names))
    return memo[key]


def leak_checked(node: Any, names: Names, path: str, source: bytes) -> bool:
    """Whether a goroutine node leaves behind fails a test: the package's files (its
    `_test.go` ones too) call a leak check that looks at the whole binary
    (BINARY_LEAK_CHECKS), or the test function around node checks its own
    (`defer leaktest.Check(t)()`)."""
    outer = names.outermost_function(node)
    return package_holds(path, source, BINARY_LEAK_CHECKS, BINARY_LEAK_CHECK_WORDS, tests=True) or \
        outer is not None and _OWN_LEAK_CHECK.search(source, outer.start_byte, outer.end_byte) is not None


def over_table(loop: Any, names: Names) -> bool:
    """Whether a `for` ranges over a table the source writes out: a composite literal
    (`for _, tc := range []struct{...}{...}`), or a variable of the function or the
    package bound to one (`cases := map[string]tc{...}`): as many runs as rows."""
    clause = next((c for c in loop.named_children if c.type == "range_clause"), None)
    ranged = clause.child_by_field_name("right") if clause is not None else None
    if ranged is not None and ranged.type == "identifier":
        bound = names.reaching(ranged, loop)
        if bound is not None:
            ranged = bound[1]
        else:
            decl = names.resolve(ranged).decl
            spec = decl.parent if decl is not None else None
            values = spec.child_by_field_name("value") if spec is not None and spec.type == "var_spec" else None
            ranged = values.named_children[0] if values is not None and len(values.named_children) == 1 else None
    return ranged is not None and ranged.type == "composite_literal"


# --- polls and retries ------------------------------------------------------------------

# The calls that wait between a poll's or a retry's tries.
_WAITS = frozenset(("Sleep", "After", "NewTimer", "Tick", "NewTicker"))


def retry_loop(loop: Any, names: Names) -> bool:
    """Whether a `for` is a poll or a retry: it counts tries (`for range 30`, `for i :=
    range retries` over an integer, `for i := 0; i < n; i++` with no call in the bound:
    not a collection's `len(xs)`) or runs until a deadline set before it (a `select`
    case on `time.After(d)`, a timer's `C` or the `Done()` of a `context.WithTimeout`
    or `WithDeadline` context, bound before the loop, that returns or breaks out of
    it: `_until_deadline`), it can leave before the count or the time runs out (a
    `return`, or a `break` out of it: at success), and it waits between tries
    (time.Sleep, time.After, a timer or a ticker of package time). What one try leaves
    behind is one of a bounded number per run of the function, not one per element or
    per event."""
    header = next((c for c in loop.named_children if c.type in ("for_clause", "range_clause")), None)
    if not (header is not None and _counted(header, names)) and not _until_deadline(loop, names):
        return False
    return poll_loop(loop, names)


def poll_loop(loop: Any, names: Names) -> bool:
    """Whether a `for` tries until it succeeds: it can leave (a `return`, or a `break`
    out of it) and waits between tries (time.Sleep, time.After, a timer or a ticker of
    package time), with or without a bound on its tries (retry_loop asks for one). One
    whose every try ends by itself (a request whose client's Timeout drops it) holds at
    most as many tries at once as the wait lets start within that time."""
    if not any(e.type in ("return_statement", "break_statement") for e in loop_exits(loop, names.source)):
        return False
    body = loop.child_by_field_name("body")
    return any(node.type == "call_expression" and names.qualified(node.child_by_field_name("function")) in
               {("time", wait) for wait in _WAITS} for node in walk(body, into_functions=False))


def _counted(header: Any, names: Names) -> bool:
    """Whether a loop's header counts its turns (see retry_loop)."""
    if header.type == "for_clause":
        condition = header.child_by_field_name("condition")
        bound = condition.child_by_field_name("right") if condition is not None and \
            condition.type == "binary_expression" else None
        return not (bound is None or header.child_by_field_name("update") is None or
                    any(n.type == "call_expression" for n in walk(bound)))
    left, right = header.child_by_field_name("left"), header.child_by_field_name("right")
    kind = types_for(names).of(right) if right is not None and right.type != "int_literal" else None
    integer = kind is not None and kind.kind == "named" and kind.path == "builtin" and \
        kind.name.lstrip("u").startswith("int")
    return not (right is None or left is not None and len(left.named_children) > 1 or
                right.type != "int_literal" and not integer)


_DEADLINES = frozenset((("context", "WithTimeout"), ("context", "WithDeadline")))


def _until_deadline(loop: Any, names: Names) -> bool:
    """Whether a `select` in the loop's body (not in a function literal) has a case that
    receives from a deadline made before the loop (`t := time.After(d)`, then `case
    <-t:`; `timer.C` of `timer := time.NewTimer(d)`; `ctx.Done()` of `ctx, cancel :=
    context.WithTimeout(...)`) and returns, or breaks out of the loop by its label."""
    body = loop.child_by_field_name("body")
    if body is None:
        return False
    for case in walk(body, into_functions=False):
        if case.type != "communication_case":
            continue
        receive = case.named_children[0] if case.named_children else None
        if receive is None or receive.type != "receive_statement" or not receive.named_children:
            continue
        operand = receive.named_children[-1]
        if operand.type != "unary_expression" or not operand.named_children:
            continue
        channel = operand.named_children[-1]
        if channel.type == "identifier":  # `t := time.After(d)`
            base, wanted = channel, (("time", "After"),)
        elif channel.type == "selector_expression" and text(names.source, channel.child_by_field_name("field")) == "C":
            base, wanted = channel.child_by_field_name("operand"), (("time", "NewTimer"),)
        elif channel.type == "call_expression" and not arguments(channel) and \
                channel.child_by_field_name("function").type == "selector_expression" and \
                text(names.source, channel.child_by_field_name("function").child_by_field_name("field")) == "Done":
            base, wanted = channel.child_by_field_name("function").child_by_field_name("operand"), _DEADLINES
        else:
            continue
        if base is None or base.type != "identifier":
            continue
        bound = names.reaching(base, loop)
        made = names.made_by(base, loop)
        if bound is None or made is None or bound[0].end_byte > loop.start_byte or \
                names.qualified(made.child_by_field_name("function")) not in wanted:
            continue
        statements = [n for c in case.named_children[1:] for n in
                      (c.named_children if c.type == "statement_list" else [c])]
        if any(n.type == "return_statement" for n in statements):
            return True
    return False


# --- code that nothing calls ------------------------------------------------------------

def never_called(func: Any, package: PackageFiles, at: int = 0, by_hand: bool = False) -> bool:
    """Whether the module shows no call of the exported function func of the package's
    file at, and none can come from elsewhere: its package is an application's (not a
    library's: `library_api`; an `internal` package too, which only its module may
    import), no file of its folder (tests included) mentions its name, other than its
    declaration, and no file of the module that imports the package does. A method is
    such when its type is (an interface may call a method of a value that exists): the
    folder names the type only in its declaration, its methods' receivers, checks
    that it implements an interface (`var _ io.Writer = &T{}`) and, in its own file,
    makers that are never called themselves (`func NewT() *T`), and no importer names
    it: nothing makes a value of it. What it does happens only once a later change, or
    code outside the module that embeds the application (`gomobile`'s bindings), calls
    it. With by_hand, the folder's programs run by hand (`run_by_hand`: a `//go:build
    ignore` generator that `go:generate` runs) are no calls either: the function runs
    only when a developer runs that tool, never in the program."""
    if func is None or func.type not in ("function_declaration", "method_declaration"):
        return False
    source = package.sources[at]
    method = func.type == "method_declaration"
    name = receiver_type(func, source) if method else text(source, func.child_by_field_name("name"))
    if name in ("main", "init") or is_test_entry(name) or name[:1].islower():
        return False  # an unexported one is unused, as linters say; kept for a caller to come
    root, names = package.file(at)
    if not method and mentions(root, source, names, func, name, False) != []:
        return False
    path = package.path or ""
    others = folder_sources(path) if path else None
    if others is not None and at:  # the folder's files but the one at
        others = [other for other in [package.sources[0], *others] if other != source]
    if others is not None and by_hand:
        others = [other for other in others if not run_by_hand(other)]
    if others is None or any(has_word(other, name.encode()) and (
            not method or not _only_declares(parsed(other), other, name)) for other in others) or \
            method and not _only_declares(root, source, name, lambda maker: never_called(maker, package, at, by_hand)):
        return False
    if library_api(func, package, at) is not False:
        return False
    facts = package.facts
    found = facts.importers(path) if facts is not None else None
    if found is None:
        return False
    for importer in found[1]:
        text_of = file_source(importer)
        if text_of is None or has_word(text_of, name.encode()):
            return False
    return True


def _only_declares(root: Any, source: bytes, name: str, dead: Any = None) -> bool:
    """Whether the file names the type name only where it declares it, as a method's
    receiver, or in a check that it implements an interface (`var _ I = &T{}`,
    `var _ I = (*T)(nil)`), or (given dead, which tells of a function declaration whether
    nothing calls it) in functions nothing calls (`func NewT() *T`, never called): no
    value of it is made there, or none that runs."""
    for node in named(root, source, name):
        if node.type not in ("identifier", "type_identifier"):
            return False
        holder = next((a for a in ancestors(node) if a.type in (
            "type_spec", "var_spec", "parameter_list", *FUNCTION_TYPES, "source_file")), None)
        if holder is None or holder.type == "type_spec" and holder.child_by_field_name("name") == node:
            continue
        if holder.type == "parameter_list" and holder.parent is not None and \
                holder.parent.type == "method_declaration" and holder.parent.child_by_field_name("receiver") == holder:
            continue
        if holder.type == "var_spec" and [text(source, n) for n in holder.children_by_field_name("name")] == ["_"]:
            continue
        if dead is not None and holder.type == "function_declaration" and dead(holder):
            continue  # a maker that nothing calls
        return False
    return True


# --- code that runs more than once per process ------------------------------------------

# How far up the callers (the module's other packages' included) are followed to find a
# call that repeats.
AGAIN_DEPTH = 4
# Methods that end a value's life (exported or not: `close`): a goroutine serving a
# value that has one is meant to end before the process does.
LIFECYCLE = ("Close", "Stop", "Shutdown", "Terminate", "Release", "Cancel")


_UNITS = {"Nanosecond": 1e-9, "Microsecond": 1e-6, "Millisecond": 1e-3, "Second": 1.0,
          "Minute": 60.0, "Hour": 3600.0}
# A pool left idle is closed by the server long before: servers drop idle keep-alive
# connections after seconds or minutes (nginx 75 s, Go's IdleTimeout, load balancers).
_RARE = 3600.0


def constant_duration(expr: Any, names: Names, depth: int = 0) -> tuple[float, bool] | None:
    """The value of a constant duration expression (`24 * time.Hour`, `time.Hour`, a
    constant of the file so written) and whether it carries a unit of package time (a
    bare number is nanoseconds); None when the code does not show it."""
    if expr is None or depth > 4:
        return None
    source = names.source
    if expr.type == "parenthesized_expression" and expr.named_children:
        return constant_duration(expr.named_children[0], names, depth + 1)
    if expr.type in ("int_literal", "float_literal"):
        try:
            return float(text(source, expr).replace("_", "")), False
        except ValueError:
            return None
    if expr.type == "selector_expression":
        resolved = names.qualified(expr)
        if resolved is not None and resolved[0] == "time" and resolved[1] in _UNITS:
            return _UNITS[resolved[1]], True
        return None
    operator = text(source, expr.child_by_field_name("operator")) if expr.type == "binary_expression" else ""
    if operator in ("*", "/"):
        left = constant_duration(expr.child_by_field_name("left"), names, depth + 1)
        right = constant_duration(expr.child_by_field_name("right"), names, depth + 1)
        if left is None or right is None or (left[1] and right[1]) or \
                (operator == "/" and (right[1] or not right[0])):
            return None  # a unit times or by a unit is no duration
        if operator == "/":
            return left[0] / right[0], left[1]
        return left[0] * right[0], left[1] or right[1]
    if expr.type == "identifier":
        decl = names.resolve(expr).decl
        spec = decl.parent if decl is not None else None
        values = spec.child_by_field_name("value") if spec is not None and spec.type == "const_spec" else None
        if values is not None and len(values.named_children) == 1:
            return constant_duration(values.named_children[0], names, depth + 1)
    return None


def at_least_an_hour(expr: Any, names: Names) -> bool:
    """Whether expr is a constant duration of an hour or more (`constant_duration`)."""
    value = constant_duration(expr, names)
    return value is not None and (value[0] if value[1] else value[0] * 1e-9) >= _RARE


def _hourly(expr: Any, names: Names) -> bool:
    """Whether the innermost loop around expr, in its function, sleeps an hour or more
    on every turn that runs expr: a statement of the loop's body after expr's is
    `time.Sleep(d)` with such a constant d, and no `continue` of that loop lies between
    (`for { ...; TryUpdate(ctx); time.Sleep(time.Hour) }`)."""
    loop = None
    for parent in ancestors(expr):
        if parent.type in FUNCTION_TYPES:
            return False
        if parent.type == "for_statement":
            loop = parent
            break
    body = loop.child_by_field_name("body") if loop is not None else None
    if body is None:
        return False
    top = [c for c in body.named_children if c.type == "statement_list"]
    statements = top[0].named_children if top else body.named_children
    for statement in statements:
        if statement.start_byte <= expr.start_byte:
            continue
        call = statement.named_children[0] if statement.type == "expression_statement" and \
            statement.named_children else None
        if call is not None and call.type == "call_expression" and \
                names.qualified(call.child_by_field_name("function")) == ("time", "Sleep") and \
                len(arguments(call)) == 1 and at_least_an_hour(arguments(call)[0], names):
            between = [n for n in walk(body, into_functions=False)
                       if n.type == "continue_statement" and expr.end_byte < n.start_byte < statement.start_byte]
            return not any(_innermost_loop(n) == loop for n in between)
    return False


def _innermost_loop(node: Any) -> Any | None:
    return next((a for a in ancestors(node) if a.type == "for_statement"), None)


def runs_again(node: Any, names: Names, root: Any, source: bytes, lifecycle: bool = False,
               paced: bool = False, api: bool = True) -> str | None:
    """What the code shows that makes node (a statement or expression in a function)
    run more than once per process, as a phrase for the record, or None when it does
    not show it: the one answer to "does this repeat?" that GL005, GL010 and GL011 ask
    before they call something a leak that piles up. Evidence, from node outwards:
    - a loop around it that can go round without a bound (`cfg.repeats`; a loop over a
      collection or a count starts one per element, as often as its function runs);
    - a function literal handed on that serves requests or connections
      (`requests.serves_requests`, `serves_connection`; another callback runs as often as its caller decides, which is not shown: a
      singleton's constructor runs once);
    - the declared function around it (through literals called on the spot) runs
      again (`function_again`). lifecycle: also when it (or the type it
      returns) serves a value whose type has a method that ends it (LIFECYCLE) with a
      body that does something, in a package that is not known to be an application's
      (`library_package`) or in a test helper package (`gomod.in_test_tree`): closed and
      made again by a library's users or per test, it leaves one more behind; in an
      application's, when a function of the package that returns such a value runs
      again (its own code shows the values made again). A method of another package's
      value whose type is not known there counts as the method when no other type of
      the module declares a method so named (`Package.method_declarers`).
    paced: a loop that sleeps an hour or more on every turn that runs it (`_hourly`) is
    no such evidence (GL005: a pool's idle connection is closed by the server before
    the next turn). api=False: being a library's exported API (`library_api`), here or
    on the way up, is no such evidence (its users decide how often it runs; asked where
    that alone is too weak to show a finding)."""
    current = node
    while True:
        if _repeats(current, names) and not (paced and _hourly(current, names)):
            return "it runs in a loop"
        func = enclosing_function(current)
        if func is None:
            return None
        if func.type != "func_literal":
            break
        call = func.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != func:
            # a callback: how often it runs is not shown (a singleton's constructor runs
            # once), unless it serves requests or connections
            if serves_requests(func, source, names):
                return "it serves requests"
            conn = serves_connection(func, source, names)
            return f"it serves a {conn}" if conn else None
        current = call
    return function_again(func, PackageFiles.for_file(source, root, names), lifecycle, paced, api)


def _repeats(node: Any, names: Names) -> bool:
    """cfg.repeats, but a loop's header runs once (`for range time.Tick(d)`)."""
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            return False
        if parent.type == "for_statement":
            body = parent.child_by_field_name("body")
            inside = body is not None and body.start_byte <= node.start_byte < body.end_byte
            return repeats(body if inside else parent, names)
    return False


def function_again(func: Any, package: PackageFiles, lifecycle: bool = False, paced: bool = False,
                   api: bool = True) -> str | None:
    """runs_again of a declared function or method of the package's file 0 (found once
    per file and function): it serves requests (an HTTP handler by its parameters, a
    gRPC method, a GraphQL resolver) or a connection (`requests.serves_connection`); it is exported API of a
    library (`library_api`), which its users call any number of times; or a caller
    of it (in the package or, for an exported one, in the module's other packages, up
    to AGAIN_DEPTH calls up) calls it in a loop that can go round without a bound, in a
    request handler, or in a function that runs again."""
    memo = file_memo(package.sources[0])
    key = (function_again, func, lifecycle, paced, api)
    if key not in memo:
        memo[key] = _again(func, 0, package, 0, lifecycle, set(), paced, api)
    return memo[key]


def _again(func: Any, at: int, package: PackageFiles, depth: int, lifecycle: bool, seen: set,
           paced: bool = False, api: bool = True) -> str | None:
    source = package.sources[at]
    names = package.file(at)[1]
    if func.type not in ("function_declaration", "method_declaration") or start_up(func, source) or \
            (at, func.start_byte) in seen:
        return None
    seen.add((at, func.start_byte))
    name = text(source, func.child_by_field_name("name"))
    method = func.type == "method_declaration"
    owner = receiver_type(func, source) if method else ""
    shown = function_name(func, source)
    if serves_requests(func, source, names):
        return f"{shown} serves requests"
    conn = serves_connection(func, source, names)
    if conn:
        return f"{shown} serves a {conn}"
    if lifecycle and depth == 0:
        kinds = [o for o in {owner, result_type(func, source)} - {""} if ends(o, package.sources)]
        # closed and made again: by a library's users, by the tests a test helper serves,
        # or, in an application, where its code shows a maker of the value run again
        if kinds and (library_package(package, at, tuple(kinds)) is not False or
                      gomod.in_test_tree(package.path or "")):
            return f"{shown} serves a value that is closed"
        for index, maker in _makers(kinds, package):
            if maker != func:
                again = _again(maker, index, package, depth + 1, False, seen, paced, api)
                if again:
                    return f"{shown} serves a value that is closed and made again: {again}"
    exported = name[:1].isupper() and (not method or owner[:1].isupper())
    facts = package.facts
    if exported and api and library_api(func, package, at):
        return f"{shown} is a library's API"
    if depth >= AGAIN_DEPTH:
        return None
    for index, other in enumerate(package.sources):
        if not has_word(other, name.encode()):
            continue
        root, other_names = package.file(index)
        for mention in mentions(root, other, other_names, func if index == at else None, name, method) or ():
            found = _mention_again(mention, method, owner, "", other, other_names, index, package, depth, lifecycle,
                                   seen, paced, api)
            if found:
                return found
    if not exported or facts is None or not package.path:
        return None
    found = facts.importers(package.path)
    if not found:
        return None
    import_path, files = found
    for _, other, callers, other_names, mention in _importer_selections(files, name, package):
        operand = mention.parent.child_by_field_name("operand")
        binding = other_names.resolve(operand) if operand.type == "identifier" else None
        if method == (binding is not None and binding.kind == IMPORT and binding.path == import_path):
            continue  # a method called as a package's function, or a function as a method
        if not method and (binding is None or binding.kind != IMPORT):
            continue
        found = _mention_again(mention, method, owner, import_path, other, other_names, 0, callers, depth,
                               lifecycle, seen, paced, api)
        if found:
            return found
    return None


def _mention_again(mention: Any, method: bool, owner: str, import_path: str, source: bytes, names: Names,
                   at: int, package: PackageFiles, depth: int, lifecycle: bool, seen: set,
                   paced: bool = False, api: bool = True) -> str | None:
    """Whether the mention of a function (`f`, `pkg.F`) or method (the field of `x.m`,
    x stated to be of the method's type) in the package's file at runs it again: a
    call in a loop that can go round without a bound, or in a request handler or a
    function that runs again (`_again`), through literals called on the spot; a value
    handed on in such a loop."""
    expr = mention.parent if method or import_path else mention
    if method:
        kind = types_for(names).of(expr.child_by_field_name("operand"))
        base = kind.deref() if kind is not None else None
        # another package's value of a type not known here (a field of a struct of a
        # sibling file) is the method's when no other type of the module declares one so named
        unknown = base is None and import_path and package.facts is not None and \
            package.facts.method_declarers(text(source, mention)) == 1
        if not unknown and (base is None or base.kind != "named" or base.name != owner or base.path != import_path):
            return None  # a method of the same name on another type, or on one not known
    holder = expr.parent
    if holder.type == "argument_list" and once_per_package(holder.parent, source, names):
        return None
    if repeats(expr, names) and not _leaves_loop_after(holder) and not (paced and _hourly(expr, names)):
        return f"{text(source, expr)} runs in a loop"
    if holder.type != "call_expression" or holder.child_by_field_name("function") != expr:
        return None  # a value: how often it runs is not shown
    current = holder
    while True:
        func = enclosing_function(current)
        if func is None or func.type != "func_literal":
            break
        call = func.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != func:
            if serves_requests(func, source, names) or serves_connection(func, source, names):
                return f"{text(source, expr)} is called per request or connection"
            return None
        current = call
        if repeats(current, names) and not (paced and _hourly(current, names)):
            return f"{text(source, expr)} runs in a loop"
    if func is None:
        return None
    return _again(func, at, package, depth + 1, lifecycle, seen, paced, api)


def _leaves_loop_after(call: Any) -> bool:
    """Whether the call is a statement of the one loop around it in its function that
    leaves that loop right after (`case <-done: s.Stop(); break out`: `cfg.leaves_after`):
    it runs once each time the loop runs, not once per turn."""
    statement = call.parent if call.type == "call_expression" else None
    if statement is None or statement.type != "expression_statement":
        return False
    loops = []
    for parent in ancestors(statement):
        if parent.type in FUNCTION_TYPES:
            break
        if parent.type == "for_statement":
            loops.append(parent)
    return len(loops) == 1 and leaves_after(statement, loops[0])


def ends_single(func: Any, package: PackageFiles) -> bool:
    """Whether func (of the package's file 0) is a method named for the end of its
    object's life (LIFECYCLE: `Stop`, `Shutdown`) on a type whose makers in the package
    (`result_type`: `func newDaemon() *Daemon`, at least one) show no evidence that
    they run again (`function_again`'s view: no loop, request handler or library API on
    the way up): it ends the process's one such object, so what it leaves behind is
    left once per process, at its end. For programs, where nothing made is handed to
    users that make it again."""
    if func.type != "method_declaration" or text(package.sources[0], func.child_by_field_name("name")) \
            not in LIFECYCLE:
        return False
    owner = receiver_type(func, package.sources[0])
    makers = _makers([owner], package) if owner else []
    return bool(makers) and not any(_again(maker, index, package, 0, False, set()) for index, maker in makers)


def _makers(kinds: list[str], package: PackageFiles) -> list[tuple[int, Any]]:
    """(file index, declaration) of the package's functions that return one of kinds
    (`result_type`: `func NewStore() *Store`)."""
    found = []
    for index, other in enumerate(package.sources):
        if kinds and any(has_word(other, kind.encode()) for kind in kinds):
            root = package.file(index)[0]
            found += [(index, f) for f in root.named_children
                      if f.type == "function_declaration" and result_type(f, other) in kinds]
    return found


def result_type(func: Any, source: bytes) -> str:
    """The named type of this package a function returns first (`func NewX() *X`);
    "" when there is none or func is a method."""
    if func.type != "function_declaration":
        return ""
    result = first_result(func)
    return text(source, result) if result is not None and result.type == "type_identifier" else ""


def first_result(func: Any) -> Any | None:
    """The type node a function returns first, pointers stripped (`*X` in `func NewX()
    (*X, error)`: X); None when it returns nothing."""
    result = func.child_by_field_name("result")
    if result is not None and result.type == "parameter_list":
        first = next((c for c in result.named_children if c.type == "parameter_declaration"), None)
        result = first.child_by_field_name("type") if first is not None else None
    while result is not None and result.type == "pointer_type":
        result = result.named_children[0] if result.named_children else None
    return result


_IDLE_BODY = re.compile(rb"^\{\s*(?:return(?:\s+nil)?\s*)?\}$")


def ends(owner: str, sources: list[bytes], meant: bool = True, also: tuple[str, ...] = ()) -> str | None:
    """The name of a LIFECYCLE method (or one of also, such as `Wait`) that a file of the
    package declares on the type owner, or None (meant: one whose body does something,
    not `{}` or `{ return nil }`: a Stop that does nothing is not meant to end anything)."""
    words = "|".join(f"[{n[0].lower()}{n[0]}]{n[1:]}" for n in LIFECYCLE + also)
    method = re.compile(rf"^func\s*\(\s*\w*\s*\*?\s*{re.escape(owner)}\b[^)]*\)\s*({words})\s*\([^)]*\)[^{{\n]*".encode(),
                        re.M)
    for source in sources:
        for found in method.finditer(source):
            if not meant:
                return found.group(1).decode()
            rest = source[found.end():source.find(b"\n", found.end())].strip()
            if not rest.endswith(b"}"):  # the body's lines, to gofmt's closing brace
                rest = source[found.end():source.find(b"\n}", found.end()) + 2]
            if not _IDLE_BODY.match(LINE_COMMENT.sub(b"", rest).strip()):
                return found.group(1).decode()
    return None
