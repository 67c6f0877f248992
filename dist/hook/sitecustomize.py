"""Applies a prefork-memory-check GC strategy around every os.fork() of a server it does not change.

Put first on PYTHONPATH, this module is what `site` imports as `sitecustomize` in every Python
process the server starts. Environment:
  PREFORK_MEMORY_CHECK_STRATEGY  none | freeze | disable-freeze | collect-freeze; unset: do nothing
  PREFORK_MEMORY_CHECK_EVIDENCE  file that receives one JSON line when the hook loads in a process
                                 ("start") and one from each child right after a fork ("fork")
Each line is one os.write to a descriptor opened with O_APPEND and closed at once, so lines from
many processes never interleave and the server never sees an extra descriptor or output.

A server that forks from C without telling the interpreter (uWSGI without --py-call-osafterfork)
never runs the fork handlers: its children write no "fork" line, which is how the caller tells.

Afterwards the `sitecustomize` this module shadows (Debian's Python ships one) is loaded as if it
had been found first. Standard library only, nothing heavy: whatever is imported here sits in the
measured server's heap.
"""

import gc
import os
import sys

STRATEGY_VAR = "PREFORK_MEMORY_CHECK_STRATEGY"
EVIDENCE_VAR = "PREFORK_MEMORY_CHECK_EVIDENCE"
STRATEGIES = ("none", "freeze", "disable-freeze", "collect-freeze")


def _json_string(text):
    escaped = []
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
        elif char in '"\\' or code < 0x20 or code > 0x7E:
            escaped.append("\\u%04x" % code)
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def _json_value(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_json_value(item) for item in value) + "]"
    return _json_string(str(value))


def _record(evidence, fields):
    line = "{" + ",".join('"%s":%s' % (key, _json_value(value)) for key, value in fields) + "}\n"
    try:
        fd = os.open(evidence, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            os.write(fd, line.encode("ascii"))
        finally:
            os.close(fd)
    except OSError:
        pass  # Evidence is best effort: the server must run as it would without the hook.


def _gc_fields():
    return [
        ("freezeCount", gc.get_freeze_count()),
        ("enabled", gc.isenabled()),
        ("collections", [generation["collections"] for generation in gc.get_stats()]),
    ]


def _install(strategy, evidence):
    if strategy == "disable-freeze":
        # The documented recipe: no collection in the parent from start-up to the fork.
        gc.disable()

    def before_fork():
        if strategy == "collect-freeze":
            gc.collect()
        if strategy != "none":
            gc.freeze()

    def after_fork_in_child():
        if strategy == "disable-freeze":
            gc.enable()
        if evidence:
            _record(evidence, [("event", "fork"), ("pid", os.getpid()), ("ppid", os.getppid())] + _gc_fields())

    os.register_at_fork(before=before_fork, after_in_child=after_fork_in_child)
    if evidence:
        _record(
            evidence,
            [
                ("event", "start"),
                ("pid", os.getpid()),
                ("ppid", os.getppid()),
                ("strategy", strategy),
                ("executable", sys.executable or ""),
                ("version", list(sys.version_info[:3])),
                ("implementation", sys.implementation.name),
                # 3.13+ free-threaded builds carry "t" in their ABI flags.
                ("freeThreaded", "t" in getattr(sys, "abiflags", "")),
            ]
            + _gc_fields(),
        )


def _same_directory(a, b):
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def _load_shadowed():
    """Runs the next `sitecustomize` on sys.path after this module's own directory, under that name."""
    here = os.path.dirname(os.path.abspath(__file__))
    rest = []
    passed_self = False
    for entry in sys.path:
        if _same_directory(entry or os.curdir, here):
            passed_self = True
        elif passed_self:
            rest.append(entry)
    if not passed_self:
        return
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec(__name__, rest)
    if spec is None or spec.loader is None:
        return
    import importlib.util

    module = importlib.util.module_from_spec(spec)
    # The import statement in `site` hands back whatever sys.modules holds once this module ends.
    sys.modules[__name__] = module
    spec.loader.exec_module(module)


def _main():
    strategy = os.environ.get(STRATEGY_VAR)
    if strategy in STRATEGIES and hasattr(os, "register_at_fork") and hasattr(gc, "freeze"):
        _install(strategy, os.environ.get(EVIDENCE_VAR))
    elif strategy:
        sys.stderr.write("prefork-memory-check: %s=%r is not applied (Python 3.7+ and one of %s)\n" % (STRATEGY_VAR, strategy, ", ".join(STRATEGIES)))


_main()
_load_shadowed()
