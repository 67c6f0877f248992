"""Preloads a Python target, forks children under one GC strategy and holds every process still
while the caller measures it from /proc.

Usage: python harness.py CONFIG_JSON, started by the engine with three extra descriptors:
  fd 3  events to the caller, one JSON object per line, each line one os.write so that lines
        from several processes never interleave
  fd 4  work gate: children block reading it; end-of-file releases them to run the worker
  fd 5  exit gate: children block reading it; end-of-file releases them to exit
The user's code keeps fd 1 and 2 to itself. Gates broadcast by end-of-file, so one close on the
caller's side releases every child at once and no process has to relay anything.

Kept to a few small standard modules: whatever the harness imports sits in the parent's heap and
would be counted as the target's memory.
"""

import gc
import json
import os
import sys

EVENTS_FD = 3
WORK_GATE_FD = 4
EXIT_GATE_FD = 5
CONTROL_FDS = (EVENTS_FD, WORK_GATE_FD, EXIT_GATE_FD)
READY_EVENT = '{"event":"ready","phase":"%s","pid":%d}\n'
GC_EVENT = (
    '{"event":"gc","phase":"%s","pid":%d,'
    '"gc":{"freezeCount":%d,"enabled":%s,"collections":[%s]}}\n'
)
# A traceback's end says the most; the cap keeps every event one small, atomic write.
MAX_TRACEBACK_CHARS = 12000

# Files loaded from a path, by absolute path, so a worker spec naming the entrypoint's file
# reuses the module the parent preloaded instead of importing it again in each child.
_loaded_files = {}


def send(event):
    data = (json.dumps(event, separators=(",", ":")) + "\n").encode("utf-8")
    while data:
        data = data[os.write(EVENTS_FD, data):]


def send_error(step, spec):
    """Reports the exception being handled; never raises, the caller is on its way out."""
    # The caller kills the run as soon as it reads the error: the user's last output goes first.
    flush_output()
    try:
        import traceback

        kind, error, frames = sys.exc_info()
        # The harness's own frames say nothing about the user's code.
        while frames is not None and frames.tb_frame.f_code.co_filename == __file__:
            frames = frames.tb_next
        text = "".join(traceback.format_exception(kind, error, frames))
        if len(text) > MAX_TRACEBACK_CHARS:
            text = "...\n" + text[-MAX_TRACEBACK_CHARS:]
        send({"event": "error", "step": step, "spec": spec, "pid": os.getpid(), "traceback": text})
    except BaseException:
        pass


def flush_output():
    # Buffered output would otherwise be lost by os._exit, or printed twice after a fork.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass


def send_ready(phase):
    """Tells the caller this child holds at `phase`, in as few bytes and steps as possible.

    Events from children are formatted by hand: a child's first json.dumps dirties about 200 KiB
    of shared pages, which would be counted as the target's memory.
    """
    os.write(EVENTS_FD, (READY_EVENT % (phase, os.getpid())).encode("ascii"))


def send_gc_evidence(phase):
    """The collector's state at `phase`, sent once the phase is sampled: reading gc.get_stats()
    dirties pages too, and nothing changes while the child waits at the gate."""
    collections = ",".join(str(generation["collections"]) for generation in gc.get_stats())
    line = GC_EVENT % (
        phase,
        os.getpid(),
        gc.get_freeze_count(),
        "true" if gc.isenabled() else "false",
        collections,
    )
    os.write(EVENTS_FD, line.encode("ascii"))

def wait_for_eof(fd):
    while os.read(fd, 64):
        pass


def split_spec(spec):
    """'target' or 'target:attr.path' -> (target, attribute path or None)."""
    target, sep, attribute = spec.rpartition(":")
    if not sep:
        return spec, None
    if not target or not attribute:
        raise ValueError(
            "%r is not a valid spec: expected 'module[:callable]' or 'file.py[:callable]'" % spec
        )
    return target, attribute


def module_name_for(path):
    """The file's stem, like a plain import would use, unless that name is taken."""
    stem = os.path.splitext(os.path.basename(path))[0]
    if stem.isidentifier() and stem not in sys.modules:
        return stem
    safe = "".join(c if c.isalnum() else "_" for c in path)
    return "_prefork_target" + safe


def load_file(target):
    path = os.path.abspath(target)
    module = _loaded_files.get(path)
    if module is not None:
        return module
    if not os.path.isfile(path):
        raise FileNotFoundError(
            "no such Python file: %s (relative paths start at %s)" % (path, os.getcwd())
        )
    import importlib.util

    name = module_name_for(path)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    # Like `python file.py`: the file's own directory is importable, for its sibling modules.
    directory = os.path.dirname(path)
    if directory not in sys.path:
        sys.path.insert(1, directory)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    _loaded_files[path] = module
    return module


def resolve(spec):
    """Imports what `spec` names; returns its callable, or None for a bare module spec."""
    target, attribute = split_spec(spec)
    if target.endswith(".py") or "/" in target:
        module = load_file(target)
    else:
        import importlib

        module = importlib.import_module(target)
    if attribute is None:
        return None
    found = module
    for part in attribute.split("."):
        found = getattr(found, part)
    if not callable(found):
        raise TypeError("%s names a %s, not a callable" % (spec, type(found).__name__))
    return found


def run_child(config):
    """Runs in each forked child; never returns."""
    code = 1
    step = "after-fork"
    try:
        if config["strategy"] == "disable-freeze":
            gc.enable()
        send_ready("after-fork")
        wait_for_eof(WORK_GATE_FD)
        send_gc_evidence("after-fork")
        step = "worker"
        if config["worker"]:
            worker = resolve(config["worker"])
            for _ in range(config["iterations"]):
                worker()
        gc.collect()
        step = "after-work"
        send_ready("after-work")
        wait_for_eof(EXIT_GATE_FD)
        send_gc_evidence("after-work")
        code = 0
    except BaseException:
        send_error(step, config["worker"])
    finally:
        flush_output()
        os._exit(code)


def exit_code(status):
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def reap(children):
    """Blocks until every child exits; an early exit tells the caller a child died."""
    remaining = set(children)
    while remaining:
        try:
            pid, status = os.waitpid(-1, 0)
        except ChildProcessError:
            return
        if pid in remaining:
            remaining.discard(pid)
            send({"event": "exit", "pid": pid, "code": exit_code(status)})


def main():
    if sys.version_info < (3, 7):
        version = sys.version.split()[0]
        sys.stderr.write("prefork-memory-check needs Python 3.7+ (gc.freeze), not %s\n" % version)
        return 2
    config = json.loads(sys.argv[1])
    # The target sees no arguments, as if run on its own; an argparse at import must not trip.
    del sys.argv[1:]
    strategy = config["strategy"]
    if strategy == "disable-freeze":
        # The documented recipe: no collection in the parent from the first import to the fork.
        gc.disable()
    try:
        for fd in CONTROL_FDS:
            os.set_inheritable(fd, False)
    except OSError:
        sys.stderr.write("harness.py is run by prefork-memory-check, which opens fds 3, 4, 5\n")
        return 2
    # Like `python -m`: the working directory comes first, and the harness's own directory goes.
    here = os.path.dirname(os.path.realpath(__file__))
    if sys.path and os.path.realpath(sys.path[0] or ".") == here:
        del sys.path[0]
    sys.path.insert(0, os.getcwd())

    try:
        entrypoint = resolve(config["entrypoint"])
        if entrypoint is not None:
            entrypoint()
    except BaseException:
        send_error("entrypoint", config["entrypoint"])
        return 1

    # From the first fork on, the parent stays silent: whatever it allocates may copy a page it
    # shares with the children. They report their own pids.
    send({"event": "preloaded", "pid": os.getpid()})
    children = []
    try:
        flush_output()
        if strategy == "collect-freeze":
            gc.collect()
        if strategy != "none":
            gc.freeze()
        for _ in range(config["workers"]):
            pid = os.fork()
            if pid == 0:
                run_child(config)
            children.append(pid)
    except BaseException:
        send_error("fork", None)
        return 1
    reap(children)
    return 0


if __name__ == "__main__":
    try:
        exit_status = main()
    except BaseException:
        send_error("harness", None)
        exit_status = 1
    flush_output()
    # os._exit: threads or atexit hooks left by the user's code must not keep the run alive.
    os._exit(exit_status)
