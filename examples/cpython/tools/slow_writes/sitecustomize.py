"""A slow disk for the regeneration steps: -DCPYTHON_SLOW_WRITES=<seconds> (examples/cpython).

With CPYTHON_SLOW_WRITES=<seconds> in the environment and this directory on PYTHONPATH (both set
by the build for every regeneration step, in either wiring, when the cache option is set), every
file a Python process opens for writing ("w" in the mode: created or truncated) stays as open()
left it, empty, for that many seconds before the caller gets the file object and writes the
content. A generator that writes its destination in place (the naive wiring's clinic,
asdl_c.py, generate_opcode_h.py, ...) leaves an empty file in the tree for that long; one that
writes a temporary file (3.11's clinic: X.new + os.replace) or runs in an atomicgen staging
directory only gets slower. Nothing else changes: the bytes written are the same.

It replaces builtins.open and io.open (pathlib's Path.open calls io.open). It shadows the
distribution's sitecustomize.py (Debian's only registers apport's hook), which is loaded after
it when it exists.
"""
import builtins
import importlib.machinery
import importlib.util
import io
import os
import sys
import time


def _install(delay):
    real_open = io.open

    def slow_open(file, mode="r", *args, **kwargs):
        f = real_open(file, mode, *args, **kwargs)
        if "w" in mode and not isinstance(file, int):
            time.sleep(delay)
        return f

    builtins.open = slow_open
    io.open = slow_open


def _chain():
    """Loads the next sitecustomize.py on sys.path, the one this file shadows."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:  # as site.py does with a failing sitecustomize
        pass


try:
    _delay = float(os.environ.get("CPYTHON_SLOW_WRITES") or 0)
except ValueError:
    _delay = 0.0
if _delay > 0:
    _install(_delay)
_chain()
