#!/usr/bin/env python3
# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
"""Fault injection against the real `atomicgen` binary (tests/fault/README.md lists the cases).

  fault_driver.py <case> --helper <atomicgen> --work <dir> [--repo <src>] [--runs <n>]
                  [--budget <s>] [--seed <n>] [--known-bug <id>]... [--point [f:]<syscall>:<n>]

Each case prints what it tried and what it found (counts), collects every violated expectation
and exits 1 if there was one, 77 if it cannot run here (CTest SKIP_RETURN_CODE), else 0.
--known-bug <id> turns the violations of one documented helper/module bug into "KNOWN BUG" lines
(counted, not failing), so the rest of the case keeps guarding; the strict variant of the test is
registered DISABLED next to it (tests/fault/CMakeLists.txt).
"""

import argparse
import hashlib
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from typing import NamedTuple

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "tools"))
import slow_generator  # noqa: E402  (content() is shared with the generator)

ERROR_LINE = re.compile(r"^atomicgen: error: [a-z-]+\(.*\): .+$")
HELPER_MARK = ".atomicgen-"
SKIP = 77
GENERATOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tools", "slow_generator.py")


class Skip(Exception):
    pass


class Case:
    """What every case shares: the helper, a fresh work directory, the violations found."""

    def __init__(self, args):
        self.args = args
        self.helper = os.path.abspath(args.helper)
        self.python = sys.executable
        self.work = os.path.abspath(args.work)
        self.violations = []
        self.known = {}  # known-bug id -> count
        self.counts = {}
        self.seed = args.seed if args.seed is not None else random.randrange(1 << 30)
        self.rng = random.Random(self.seed)
        remove_tree(self.work)
        os.makedirs(self.work)

    # -- reporting ---------------------------------------------------------------------------
    def say(self, text):
        # Long runs of one character (the long-path cases) are shown as "x{×180}".
        print(re.sub(r"(.)\1{19,}", lambda m: f"{m.group(1)}{{×{len(m.group(0))}}}", text),
              flush=True)

    def count(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    def violation(self, text, bug=None):
        if bug is not None and bug in self.args.known_bug:
            self.known[bug] = self.known.get(bug, 0) + 1
            if self.known[bug] <= 5:
                self.say(f"  KNOWN BUG [{bug}]: {text}")
            return
        self.violations.append(text)
        if len(self.violations) <= 20:
            self.say(f"  VIOLATION: {text}")

    def check(self, condition, text, bug=None):
        if not condition:
            self.violation(text, bug)
        return condition

    # -- running -----------------------------------------------------------------------------
    def gen(self, *args):
        return [self.python, GENERATOR, *args]

    def run(self, argv, cwd, timeout=120, env=None, preexec=None):
        proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout, env=env, preexec_fn=preexec)
        return proc.returncode, proc.stdout.decode(errors="replace"), \
            proc.stderr.decode(errors="replace")

    def helper_run(self, options, generator, cwd, **kwargs):
        return self.run([self.helper, "run", *options, "--", *generator], cwd, **kwargs)

    def expect_ok(self, what, result):
        rc, _, err = result
        return self.check(rc == 0, f"{what}: expected success, got exit {rc}: {err.strip()!r}")

    def expect_error(self, what, result, code, names, kept):
        """The documented failure: exit `code` (a set allowed), exactly one error line (lines of
        our own generator aside) in the documented format, naming each of `names`, saying "kept"
        when `kept`."""
        rc, _, err = result
        codes = code if isinstance(code, (set, frozenset)) else {code}
        ok = self.check(rc in codes, f"{what}: expected exit {sorted(codes)}, got {rc}: {err!r}")
        lines = [line for line in err.splitlines() if not line.startswith("slow_generator:")]
        if not self.check(len(lines) == 1, f"{what}: expected one stderr line, got {lines!r}"):
            return False
        line = lines[0]
        ok &= self.check(ERROR_LINE.match(line) is not None,
                         f"{what}: error line not in the documented format: {line!r}")
        for name in names:
            # Control characters in names are escaped so that the error stays one line.
            spelled = escape_control_characters(name)
            ok &= self.check(spelled in line,
                             f"{what}: error line does not name {spelled!r}: {line!r}")
        if kept:
            ok &= self.check("kept" in line, f"{what}: error line does not say kept: {line!r}",
                             bug="kept-missing")
        return ok

    def expect_no_leftovers(self, what, directory, bug=None):
        found = leftovers(directory)
        return self.check(not found, f"{what}: helper files left: {found!r}", bug)

    def finish(self, summary):
        self.say(f"seed {self.seed}; " + ", ".join(f"{k}: {v}" for k, v in self.counts.items()))
        for bug, n in self.known.items():
            self.say(f"known bug [{bug}] seen {n} time(s) (not failing this test; see its "
                     "DISABLED strict variant)")
        if self.violations:
            self.say(f"FAILED: {len(self.violations)} violation(s); {summary}")
            return 1
        self.say(f"OK: {summary}")
        return 0


def escape_control_characters(text):
    """A name as the helper writes it in an error line: \\n, \\t, \\r or \\xNN for control
    characters."""
    named = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return "".join(named.get(ch, f"\\x{ord(ch):02x}" if ord(ch) < 0x20 or ord(ch) == 0x7f else ch)
                   for ch in text)


def remove_tree(path):
    if os.path.lexists(path):
        for root, dirs, _ in os.walk(path):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
        shutil.rmtree(path)


def leftovers(directory):
    found = []
    for root, dirs, files in os.walk(directory):
        for name in dirs + files:
            if HELPER_MARK in name:
                found.append(os.path.relpath(os.path.join(root, name), directory))
    return found


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def digest(data):
    return None if data is None else hashlib.sha256(data).hexdigest()[:12]


def reap_group(pgid):
    """SIGKILL what is left of a process group and reap it (we are a child subreaper)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        return
    while True:
        try:
            os.waitpid(-pgid, 0)
        except ChildProcessError:
            return


def become_subreaper():
    """Orphaned generators of a SIGKILLed helper are reparented to us, so reap_group() can wait
    for them (otherwise they might still write while we check)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_CHILD_SUBREAPER = 36
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def children_of(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


# ---------------------------------------------------------------------------------------------
# kill -9 at random moments

KILL_MODES = ("stdout", "staged", "pair", "in-place")


def case_kill(c, mode):
    """SIGKILL the helper, the generator or both at a random moment of a run that rewrites the
    output(s); then check old-or-new (the pair: old+old or new+new), run again, check that the
    next run succeeds and leaves no helper file."""
    if not become_subreaper():
        c.say("note: PR_SET_CHILD_SUBREAPER unavailable; orphaned generators are killed by group")
    d = os.path.join(c.work, mode)
    store = os.path.join(c.work, "store")
    os.makedirs(d)
    os.makedirs(store)
    versions = 4
    if mode == "stdout":
        names, sizes = ["stdout"], {"stdout": 256 * 1024}
    elif mode == "pair":
        # b is large and its versions differ only in the first and last line: comparing it takes
        # a while, which is the window between committing a and committing b.
        names, sizes = ["a.h", "b.h"], {"a.h": 64 * 1024, "b.h": 4 << 20}
    else:
        names, sizes = ["out.h"], {"out.h": 256 * 1024}
    dest = {n: os.path.join(d, "out.h" if n == "stdout" else n) for n in names}
    data = {(n, v): slow_generator.content(n, str(v), sizes[n])
            for n in names for v in range(versions)}
    for (n, v), b in data.items():
        write(os.path.join(store, f"{n}.{v}"), b)

    def slow_command(v):
        opts = ["--version", str(v), "--chunks", "8", "--delay", "0.004"]
        if mode == "stdout":
            return ["--stdout", "out.h"], c.gen(*opts, "--stdout", "--size", str(sizes["stdout"]))
        if mode == "pair":
            return ["--output", "a.h", "--output", "b.h"], \
                c.gen(*opts, "--size-of", f"a.h={sizes['a.h']}", "--size-of",
                      f"b.h={sizes['b.h']}", "a.h", "b.h")
        options = ["--output", "out.h"] + (["--in-place"] if mode == "in-place" else [])
        return options, c.gen(*opts, "--size", str(sizes["out.h"]), "out.h")

    def fast_command(v):
        if mode == "stdout":
            return ["--stdout", "out.h"], ["cat", os.path.join(store, f"stdout.{v}")]
        if mode == "pair":
            return ["--output", "a.h", "--output", "b.h"], \
                ["/bin/sh", "-c", 'cp "$0" a.h && cp "$1" b.h',
                 os.path.join(store, f"a.h.{v}"), os.path.join(store, f"b.h.{v}")]
        options = ["--output", "out.h"] + (["--in-place"] if mode == "in-place" else [])
        return options, ["cp", os.path.join(store, f"out.h.{v}"), "out.h"]

    def state():
        return tuple(read(dest[n]) for n in names)

    def expected(v):
        return tuple(data[(n, v)] for n in names)

    def describe(s):
        out = []
        for n, b in zip(names, s):
            match = [v for v in range(versions) if data[(n, v)] == b]
            out.append(f"{n}=" + (f"v{match[0]}" if match else
                                  "missing" if b is None else f"{len(b)} bytes {digest(b)}"))
        return " ".join(out)

    current = 0
    c.expect_ok("initial run", c.helper_run(*fast_command(current), d))

    # Calibrate the kill window on a few undisturbed runs.
    durations = []
    for v in (1, 0, 1, 0):
        start = time.monotonic()
        c.expect_ok("calibration run", c.helper_run(*slow_command(v), d))
        durations.append(time.monotonic() - start)
    current = 0
    window = sorted(durations)[len(durations) // 2] * 1.15
    c.say(f"kill.{mode}: {c.args.runs} runs (budget {c.args.budget:.0f} s), run takes "
          f"~{window / 1.15 * 1000:.0f} ms; kill at a uniform moment in [0, {window * 1000:.0f}] "
          "ms after the start (55%), in [0, 3] ms after it (15%: locking, backing up) or in "
          "[0, 6] ms after the generator ended (30%: the commit), of the helper, the generator "
          "or both")

    deadline = time.monotonic() + c.args.budget
    runs = 0
    while runs < c.args.runs and time.monotonic() < deadline:
        runs += 1
        new = c.rng.randrange(versions)
        if new == current and c.rng.random() < 0.8:
            new = (current + 1) % versions
        target = c.rng.choice(("helper", "generator", "both"))
        draw = c.rng.random()
        phase = "commit" if draw < 0.3 else "early" if draw < 0.45 else "any"
        delay = c.rng.uniform(0, 0.006) if phase == "commit" else \
            c.rng.uniform(0, 0.003) if phase == "early" else c.rng.uniform(0, window)
        options, generator = slow_command(new)
        proc = subprocess.Popen([c.helper, "run", *options, "--", *generator], cwd=d,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        if phase == "commit":
            # Wait for the generator to finish (the helper then compares and renames), then kill
            # within a few milliseconds: that is where an all-or-nothing commit can tear.
            seen = False
            while proc.poll() is None:
                kids = children_of(proc.pid)
                if kids:
                    seen = True
                elif seen:
                    break
                time.sleep(0.0002)
        time.sleep(delay)
        killed = "nothing"
        if proc.poll() is None:
            if target == "helper":
                os.kill(proc.pid, signal.SIGKILL)
                killed = "helper"
            elif target == "generator":
                kids = children_of(proc.pid)
                for kid in kids:
                    try:
                        os.kill(kid, signal.SIGKILL)
                    except ProcessLookupError:
                        # It ended between the listing and the kill.
                        kids = [k for k in kids if k != kid]
                killed = "generator" if kids else "nothing (no generator yet/any more)"
            else:
                os.killpg(proc.pid, signal.SIGKILL)
                killed = "both"
        out, err = proc.communicate()
        reap_group(proc.pid)
        rc = proc.returncode
        err = err.decode(errors="replace")
        c.count(f"killed {killed.split(' ')[0]}")
        c.count(f"kills timed in the {phase} phase")
        before = state()
        was_old, was_new = before == expected(current), before == expected(new)
        tag = f"run {runs} (v{current}->v{new}, kill {killed} {delay * 1000:.1f} ms after " \
              f"{'the generator ended' if phase == 'commit' else 'the start'}, exit {rc})"
        if rc == 0:
            c.check(was_new, f"{tag}: helper succeeded but outputs are {describe(before)}")
        elif rc < 0:
            if mode != "in-place":
                # A killed helper: each output exactly old or exactly new. Several outputs are
                # renamed one by one, so a kill between two renames leaves them mixed until the
                # next run on them rolls the unfinished commit back (checked below).
                each_old_or_new = all(b in (data[(n, current)], data[(n, new)])
                                      for n, b in zip(names, before))
                c.check(was_old or was_new or (mode == "pair" and each_old_or_new),
                        f"{tag}: outputs are {describe(before)}, not each old or new")
                if mode == "pair" and not (was_old or was_new) and each_old_or_new:
                    c.count("mixed until the next run")
                    # A run that only recovers (its generator fails): all old afterwards.
                    c.helper_run(["--output", "a.h", "--output", "b.h"], ["false"], d)
                    after = state()
                    c.check(after == expected(current),
                            f"{tag}: after a recovering run the outputs are {describe(after)}, "
                            "not all old")
        else:
            c.expect_error(tag, (rc, "", err), {1}, ["run(", "was killed by SIGKILL"], kept=True)
            c.check(was_old, f"{tag}: generator killed but outputs are {describe(before)}")
        c.count("old after kill" if was_old else "new after kill" if was_new else
                "other after kill")
        stale = leftovers(d)
        if stale:
            c.count("runs that left helper files")

        # The next run: for in-place first one that changes nothing (it restores a backup left by
        # the killed run, so the output must be old or new afterwards), then one that writes.
        if mode == "in-place":
            c.expect_ok(f"{tag}: next run (true)",
                        c.helper_run(["--in-place", "--output", "out.h"], ["true"], d))
            after = state()
            # A backup cut short by the kill, restored over the output by the next run's sweep.
            truncated = after[0] is not None and any(
                after[0] == expected(v)[0][:len(after[0])] for v in (current, new)) and \
                any(name.endswith(".bak") for name in stale)
            c.check(after in (expected(current), expected(new)),
                    f"{tag}: after the next run the output is {describe(after)} (before it: "
                    f"{describe(before)}; helper files were {stale})",
                    bug="partial-backup" if truncated else None)
        c.expect_ok(f"{tag}: next run", c.helper_run(*fast_command(new), d))
        c.check(state() == expected(new),
                f"{tag}: after the next run the outputs are {describe(state())}")
        c.expect_no_leftovers(f"{tag}: after the next run", d)
        current = new
    c.count("runs", runs)
    return c.finish(f"kill.{mode}: {runs} killed runs, every output old or new, next run clean")


# ---------------------------------------------------------------------------------------------
# kill at every system call: strace's fault injection, swept over every N of every syscall

class SweepOutput(NamedTuple):
    """One declared output of a sweep shape: its path relative to the shape's directory."""
    path: str
    existing: bool = True  # version 1 is on disk before the killed run (else: absent)
    changes: bool = True   # versions 1, 2 and 3 differ (else: the same bytes in every version)
    absolute: bool = False  # declared and passed to the generator by absolute path
    size: int = 4096
    rewritten: bool = False  # an input the generator may rewrite (--rewrites), not an --output
    byproduct: bool = False  # a side file the generator writes (--byproduct), not an --output


class SweepShape(NamedTuple):
    mode: str  # "staged" (--output), "read-outputs" (--read-outputs --output), "reads-tree"
    #            (--reads-tree --output), "stdout", "in-place" or "copy" (copy-if-different)
    outputs: tuple
    what: str


Out = SweepOutput
SWEEP_SHAPES = {
    # 150 KiB: the helper compares and scans for its staging token in 64 KiB chunks.
    "one-existing": SweepShape("staged", (Out("out.h", size=150 * 1024),),
                               "one output, existing, changed"),
    "one-new": SweepShape("staged", (Out("out.h", existing=False),), "one output, absent before"),
    "pair-existing": SweepShape("staged", (Out("a.h"), Out("b.h")), "two outputs, both changed"),
    "pair-new": SweepShape("staged", (Out("a.h", existing=False), Out("b.h", existing=False)),
                           "two outputs, both absent before"),
    "pair-mixed-existence": SweepShape("staged", (Out("a.h"), Out("b.h", existing=False)),
                                       "two outputs, a existing and changed, b absent before"),
    "changed-unchanged": SweepShape("staged", (Out("a.h"), Out("b.h", changes=False), Out("c.h")),
                                    "three outputs: a and c change, b keeps its bytes"),
    "stdout": SweepShape("stdout", (Out("out.h"),), "--stdout out.h"),
    "staged-subdir": SweepShape("staged", (Out("gen/a.h"), Out("b.h", absolute=True)),
                                "--output gen/a.h --output $PWD/b.h, the generator is given "
                                "the absolute path"),
    "read-outputs": SweepShape("read-outputs", (Out("a.h"), Out("b.h", existing=False)),
                               "--read-outputs, two outputs (staged copies seeded), one new"),
    "in-place": SweepShape("in-place", (Out("a.h"), Out("b.h")), "--in-place, two outputs"),
    # Isolated (overlays in a mount namespace; also staged-subdir and read-outputs): the helper's
    # own calls, and with -f those of the process that makes the namespace and of the generator's
    # process before its exec (child_kill_points).
    "isolated-absolute-pair": SweepShape("staged", (Out("a.h", absolute=True),
                                                    Out("b.h", absolute=True)),
                                         "two existing outputs named by absolute paths "
                                         "(isolated)"),
    "reads-tree": SweepShape("reads-tree", (Out("out.h"),),
                             "--reads-tree, one existing output the generator rewrites "
                             "(isolated)"),
    "rewrites": SweepShape("staged", (Out("in.txt", rewritten=True), Out("out.h")),
                           "--rewrites in.txt (rewritten by the generator) and --output out.h "
                           "(isolated)"),
    "byproduct": SweepShape("staged", (Out("out.h"), Out("gen/out.log", byproduct=True)),
                            "--output out.h --byproduct gen/out.log, both written"),
    "copy-if-different": SweepShape("copy", (Out("out.h", size=150 * 1024),),
                                    "copy-if-different of 150 KiB (3 chunks)"),
}
del Out

# The generator of the staged and in-place shapes: cp <prepared file> <output path>, per output.
SWEEP_COPY_LOOP = 'while [ "$#" -gt 0 ]; do cp "$1" "$2" || exit 1; shift 2; done'
KILLED = -signal.SIGKILL


def sweep_content(output, version):
    """Version 1 is "old", 2 is what the killed run writes ("new"), 3 what the next run writes."""
    return slow_generator.content(output.path, str(version) if output.changes else "same",
                                  output.size)


def sweep_expected(shape, version):
    """The whole set at `version`; an output absent before counts as absent in version 1."""
    return tuple(None if version == 1 and not o.existing else sweep_content(o, version)
                 for o in shape.outputs)


# The mtime every stamp has before the killed run (2001-09-09): any touch makes it newer.
STAMP_PAST = 1_000_000_000 * 1_000_000_000


def sweep_stamps(shape):
    """The stamps of a run shape, relative to its directory: one per output
    (--output-changed-stamp), in the order of shape.outputs, then the --changed-stamp."""
    return [os.path.join("stamps", f"{i}.stamp") for i in range(len(shape.outputs))] + \
        [os.path.join("stamps", "changed.stamp")]


def stamps_touched(shape, root):
    """Which stamps are newer than they were set up (sweep_stamps' order); () for copy."""
    if shape.mode == "copy":
        return ()
    return tuple(os.stat(os.path.join(root, s)).st_mtime_ns > STAMP_PAST
                 for s in sweep_stamps(shape))


def sweep_setup(c, shape, root):
    """A fresh shape directory holding the old set (version 1; new outputs absent, their
    directories present), and the prepared versions in <work>/store.  The staging root is
    removed too: every run makes it (and sets its mode) as the reference run did."""
    remove_tree(root)
    remove_tree(staging_root(c))
    os.makedirs(root)
    for i, o in enumerate(shape.outputs):
        path = os.path.join(root, o.path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if o.existing:
            write(path, sweep_content(o, 1))
        if shape.mode != "copy":
            # Every stamp exists before the killed run, with an mtime well in the past: "touched"
            # is then "newer than STAMP_PAST" (a missing stamp would be created by any run).
            for stamp in sweep_stamps(shape):
                stamp = os.path.join(root, stamp)
                os.makedirs(os.path.dirname(stamp), exist_ok=True)
                write(stamp, b"")
                os.utime(stamp, ns=(STAMP_PAST, STAMP_PAST))
        for version in (1, 2, 3):
            stored = os.path.join(c.work, "store", f"{i}.{version}")
            if not os.path.exists(stored):
                os.makedirs(os.path.dirname(stored), exist_ok=True)
                write(stored, sweep_content(o, version))


def sweep_command(c, shape, root, version):
    """The helper's command line that writes `version` (2 or 3), or with version "fail" the
    same command whose generator fails (copy-if-different: a source that does not exist)."""
    outputs = shape.outputs
    stored = [os.path.join(c.work, "store", f"{i}.{version}") for i in range(len(outputs))]
    paths = [os.path.join(root, o.path) if o.absolute else o.path for o in outputs]
    if shape.mode == "copy":
        source = os.path.join(root, "missing.src") if version == "fail" else stored[0]
        return [c.helper, "copy-if-different", source, paths[0]]
    if shape.mode == "stdout":
        options = ["--stdout", paths[0]]
        generator = ["cat", stored[0]]
    else:
        mode_options = {"in-place": ["--in-place"], "read-outputs": ["--read-outputs"],
                        "reads-tree": ["--reads-tree"]}
        options = mode_options.get(shape.mode, []) + \
            [arg for o, path in zip(outputs, paths)
             for arg in ("--rewrites" if o.rewritten else
                         "--byproduct" if o.byproduct else "--output", path)]
        generator = ["sh", "-c", SWEEP_COPY_LOOP, "sh",
                     *[arg for pair in zip(stored, paths) for arg in pair]]
    if shape.mode != "copy":
        # The stamps the build relies on to recompile the readers of a changed output.
        stamps = sweep_stamps(shape)
        options += ["--changed-stamp", stamps[-1]]
        # (A byproduct has none: no reader is recompiled through it, and --changed-stamp
        # ignores it.)
        for o, path, stamp in zip(outputs, paths, stamps):
            if not o.byproduct:
                options += ["--output-changed-stamp", path, stamp]
    if version == "fail":
        generator = ["false"]
    return [c.helper, "run", *options, "--", *generator]


def strace_command(syscall, n, argv, follow=False):
    """SIGKILL the helper at the entry of its n-th `syscall` (which then does not execute).
    No -f: the generator, a child of the helper, is neither traced nor killed.  With `follow`
    (-f) every process of the run is, each at its own n-th `syscall` (strace counts per process):
    the child kill points (child_kill_points)."""
    return ["strace", *(["-f"] if follow else []), "-o", "/dev/null", "-e", f"trace={syscall}",
            "-e", f"inject={syscall}:signal=KILL:when={n}", *argv]


def sweep_environment(c):
    """The helper's environment in a sweep: TMPDIR in the work directory, so the isolated runs'
    stages (<TMPDIR>/atomicgen-<uid>/.atomicgen-<run>.stage) are this test's alone to check."""
    tmp = os.path.join(c.work, "tmp")
    os.makedirs(tmp, exist_ok=True)
    return dict(os.environ, TMPDIR=tmp)


def staging_root(c):
    return os.path.join(c.work, "tmp", f"atomicgen-{os.geteuid()}")


def wait_for_group(pgid, timeout):
    """Wait until every process of the group has ended (the generator of a killed helper
    finishes its writes; as child subreaper we reap it). False if it had to be killed."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            while os.waitpid(-pgid, os.WNOHANG)[0] != 0:
                pass
        except ChildProcessError:
            pass
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        if time.monotonic() > deadline:
            reap_group(pgid)
            return False
        time.sleep(0.001)


def identity(path):
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns


def sweep_kill_point(c, shape, root, syscall, n, follow=False):
    """One kill point: set up the old set, kill the helper (with `follow`: any process of the
    run) at the n-th `syscall` of the run that writes version 2, then run (a) the same command
    with a failing generator and (b) the command writing version 3.  Returns what was observed;
    sweep_invariant() judges it."""
    sweep_setup(c, shape, root)
    env = sweep_environment(c)
    paths = [os.path.join(root, o.path) for o in shape.outputs]
    unchanged = [p for o, p in zip(shape.outputs, paths) if not o.changes]

    def state():
        return tuple(read(p) for p in paths)

    seen = {"identities": [tuple(identity(p) for p in unchanged)]}
    proc = subprocess.Popen(strace_command(syscall, n, sweep_command(c, shape, root, 2), follow),
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env=env)
    _, err = proc.communicate(timeout=60)
    seen["settled"] = wait_for_group(proc.pid, 10)
    seen["killed"] = (proc.returncode, err.decode(errors="replace"))
    seen["after kill"] = state()
    seen["files after kill"] = sorted(leftovers(root))
    seen["identities"].append(tuple(identity(p) for p in unchanged))
    seen["a"] = c.run(sweep_command(c, shape, root, "fail"), root, timeout=60, env=env)
    seen["after (a)"] = state()
    seen["identities"].append(tuple(identity(p) for p in unchanged))
    # (r): the build tool's re-run of the edge the kill interrupted, writing what the killed run
    # wrote (version 2), to completion. The stamps must now say which outputs differ from before
    # the killed run: touched by the killed run before it committed, or by (r) itself.
    if shape.mode != "copy":
        seen["r"] = c.run(sweep_command(c, shape, root, 2), root, timeout=60, env=env)
        seen["after (r)"] = state()
        seen["stamps after (r)"] = stamps_touched(shape, root)
        seen["identities"].append(tuple(identity(p) for p in unchanged))
    seen["b"] = c.run(sweep_command(c, shape, root, 3), root, timeout=60, env=env)
    seen["after (b)"] = state()
    seen["identities"].append(tuple(identity(p) for p in unchanged))
    seen["files after (b)"] = leftovers(root)
    # The killed run's stage (isolated shapes) is swept by (a) or (b): the helper is dead.
    seen["stages after (b)"] = leftovers(staging_root(c))
    return seen


def sweep_classify(shape, s):
    """old / new (the complete set of version 1 / 2), mixed (each output one of them), other."""
    old, new = sweep_expected(shape, 1), sweep_expected(shape, 2)
    if s == old:
        return "old"
    if s == new:
        return "new"
    if all(b in (o, w) for b, o, w in zip(s, old, new)):
        return "mixed"
    return "other"


def sweep_describe(shape, s):
    out = []
    for o, b in zip(shape.outputs, s):
        versions = [v for v in (1, 2, 3) if b is not None and b == sweep_content(o, v)]
        out.append(f"{o.path}=" + ("absent" if b is None else f"v{versions[0]}" if versions
                                   else f"{len(b)} bytes {digest(b)}"))
    return " ".join(out)


def sweep_describe_stamps(shape, seen):
    if "stamps after (r)" not in seen:
        return "no stamps"
    names = [o.path for o in shape.outputs] + ["changed"]
    touched = [n for n, t in zip(names, seen["stamps after (r)"]) if t]
    return f"stamps touched after (r): {', '.join(touched) or 'none'}"


def sweep_invariant(shape, seen, child=False):
    """Every expectation the point violated (empty: it held).  A `child` point kills a process
    of the isolated run below the helper (possibly the helper too, at its own n-th call): the
    helper then fails as for a killed generator (exit 1, one line, "kept") with the set old."""
    problems = []
    in_place = shape.mode == "in-place"
    rc, err = seen["killed"]
    at_kill = sweep_classify(shape, seen["after kill"])
    if not seen["settled"]:
        problems.append("the killed run's generator was still running 10 s later")
    if child and rc == 1:
        # The helper's lines only: a generator left running by a killed holder may still write
        # to the same stderr (into an overlay whose stage the helper removed: it fails).
        lines = [line for line in err.splitlines() if line.startswith("atomicgen")]
        if len(lines) != 1 or not ERROR_LINE.match(lines[0]) or "kept" not in lines[0]:
            problems.append(f"killed run: exit 1 without one error line saying kept: {lines!r}")
        if at_kill != "old":
            problems.append(f"killed run: exit 1 but the set is {at_kill}, not old")
    elif rc not in (KILLED, 0):
        problems.append(f"killed run: exit {rc}, neither killed nor successful: {err.strip()!r}")
    if rc == 0 and at_kill != "new":
        problems.append("killed run: the injection did not fire, the run succeeded, but the set "
                        f"is {at_kill}")
    # Outputs are renamed one by one: right after the kill each is complete old or new (mixed is
    # allowed until the next run recovers).  In-place mode promises nothing during the run.
    if not in_place and at_kill == "other":
        problems.append("after the kill an output is neither old nor new")

    rc_a, _, err_a = seen["a"]
    lines = err_a.splitlines()
    code = 3 if shape.mode == "copy" else 1
    if rc_a != code:
        problems.append(f"(a): exit {rc_a}, expected {code}")
    if len(lines) != 1 or not ERROR_LINE.match(lines[0]):
        problems.append(f"(a): expected one line 'atomicgen: error: <op>(<path>): <reason>', "
                        f"got {lines!r}")
    after_a = sweep_classify(shape, seen["after (a)"])
    if after_a not in ("old", "new"):
        problems.append(f"(a): the set is {after_a}, not all old or all new")
    elif at_kill == "old" and after_a != "old":
        problems.append("(a): the set was all old after the kill and is all new after (a)")
    elif at_kill == "new" and after_a != "new" and not in_place:
        problems.append("(a): the set was all new after the kill and is all old after (a)")

    if "r" in seen:
        problems += sweep_stamp_problems(shape, seen)

    rc_b, _, err_b = seen["b"]
    if rc_b != 0:
        problems.append(f"(b): exit {rc_b}: {err_b.strip()!r}")
    elif seen["after (b)"] != sweep_expected(shape, 3):
        problems.append("(b): the set is not version 3")
    if seen["files after (b)"]:
        problems.append(f"(b): helper files left: {seen['files after (b)']!r}")
    if seen["stages after (b)"]:
        problems.append(f"(b): stages left in the staging root: {seen['stages after (b)']!r}")
    if len(set(seen["identities"])) != 1:
        problems.append("an unchanged output changed inode or mtime (setup, kill, (a), (b): "
                        f"{seen['identities']!r})")
    return problems


def sweep_stamp_problems(shape, seen):
    """The stamps after (r): an output whose bytes differ from its bytes before the killed run
    has its --output-changed-stamp touched, and then the --changed-stamp is touched too; an
    output that never changes has its stamp left alone."""
    problems = []
    rc_r, _, err_r = seen["r"]
    if rc_r != 0:
        return [f"(r): exit {rc_r}: {err_r.strip()!r}"]
    before = sweep_expected(shape, 1)
    touched = seen["stamps after (r)"]
    differs = [b != a and not o.byproduct
               for o, b, a in zip(shape.outputs, before, seen["after (r)"])]
    for o, d, t in zip(shape.outputs, differs, touched):
        if d and not t:
            problems.append(f"(r): {o.path} differs from before the killed run but its "
                            "--output-changed-stamp was never touched (its readers would not "
                            "be recompiled)")
        if not o.changes and t:
            problems.append(f"(r): {o.path} never changed but its --output-changed-stamp was "
                            "touched")
    if any(differs) and not touched[-1]:
        problems.append("(r): an output differs from before the killed run but the "
                        "--changed-stamp was never touched")
    return problems


def reference_syscalls(c, shape, root):
    """(syscall, count) of one undisturbed run of the shape, by the helper process alone, in
    the order of first use.  The execve that starts the helper is not a kill point: strace sees
    only its return (a kill there is never reached)."""
    sweep_setup(c, shape, root)
    trace = os.path.join(c.work, "reference.trace")
    rc, _, err = c.run(["strace", "-o", trace, *sweep_command(c, shape, root, 2)], root,
                       env=sweep_environment(c))
    if rc != 0 or tuple(read(os.path.join(root, o.path)) for o in shape.outputs) != \
            sweep_expected(shape, 2):
        raise RuntimeError(f"the reference run under strace failed (exit {rc}): {err.strip()}")
    counts = {}
    with open(trace) as f:
        for line in f:
            m = re.match(r"([a-z0-9_]+)\(", line)
            if m:
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    counts["execve"] -= 1
    return [(s, n) for s, n in counts.items() if n > 0]


TRACE_ENTRY = re.compile(r"(\d+) +([a-z0-9_]+)\(")
TRACE_RESUMED = re.compile(r"(\d+) +<\.\.\. ([a-z0-9_]+) resumed>")
TRACE_RESULT = re.compile(r"= (-?\d+)(?: [A-Z]\w*)?(?: \(.*\))?$")


def child_kill_points(c, shape, root):
    """The kill points of an isolated run's processes below the helper, before the generator
    starts: the holder (unshare, overlay mounts, forking the program, reporting its exit) and the
    program between its fork and its exec.  Under -f strace counts each process's calls
    separately, so (S, N) kills every process at its own N-th S: kept are the (S, N) whose N-th
    call, in a reference run under -f, is first made by one of those two.  [] for a run that is
    not isolated (no unshare)."""
    sweep_setup(c, shape, root)
    trace = os.path.join(c.work, "reference-f.trace")
    rc, _, err = c.run(["strace", "-f", "-o", trace, *sweep_command(c, shape, root, 2)], root,
                       env=sweep_environment(c))
    if rc != 0:
        raise RuntimeError(f"the reference run under strace -f failed (exit {rc}): {err.strip()}")
    calls = []  # (pid, syscall, result or None), in the order of their entries
    unfinished = {}  # pid -> index in calls of its call awaiting "resumed"
    with open(trace) as f:
        for line in f:
            line = line.rstrip("\n")
            m = TRACE_ENTRY.match(line)
            if m:
                r = TRACE_RESULT.search(line)
                calls.append((int(m.group(1)), m.group(2), r and int(r.group(1))))
                if line.endswith("<unfinished ...>"):
                    unfinished[int(m.group(1))] = len(calls) - 1
                continue
            m = TRACE_RESUMED.match(line)
            if m and int(m.group(1)) in unfinished:
                i = unfinished.pop(int(m.group(1)))
                r = TRACE_RESULT.search(line)
                calls[i] = (calls[i][0], calls[i][1], r and int(r.group(1)))
    if calls and calls[0][1] == "execve":
        del calls[0]  # the helper's own start: strace sees only its return, it is no kill point
    holders = {pid for pid, syscall, _ in calls if syscall == "unshare"}
    if not holders:
        return []
    # The program: the process the holder forked (clone's result in the holder).
    programs = {result for pid, syscall, result in calls
                if pid in holders and syscall in ("clone", "clone3", "fork", "vfork")
                and result is not None and result > 0}
    counts, first, started = {}, {}, set()
    for pid, syscall, result in calls:
        n = counts[pid, syscall] = counts.get((pid, syscall), 0) + 1
        before_exec = pid in holders or (pid in programs and pid not in started)
        first.setdefault((syscall, n), before_exec)
        if pid in programs and syscall == "execve" and result == 0:
            started.add(pid)
    return [point for point, ours in first.items() if ours]


def probe_strace(c):
    if shutil.which("strace") is None:
        raise Skip("strace is not installed (Debian package strace; .ci/run installs it)")
    rc, _, err = c.run(["strace", "-o", "/dev/null", "true"], c.work)
    if rc != 0:
        if "Operation not permitted" in err or "EPERM" in err:
            raise Skip(f"strace cannot ptrace here (EPERM): {err.strip()}")
        raise RuntimeError(f"strace -o /dev/null true: exit {rc}: {err.strip()}")


def case_sweep(c, name):
    """Kill the helper at every system call of one shape's run (every N of every syscall the
    reference run made), and an isolated run's processes below it before the generator starts
    (child_kill_points, with -f), then check the set after (a) a failing run and (b) a writing
    run."""
    shape = SWEEP_SHAPES[name]
    probe_strace(c)
    if not become_subreaper():
        c.say("note: PR_SET_CHILD_SUBREAPER unavailable; generators of killed helpers are "
              "waited for by process group only")
    root = os.path.join(c.work, name)
    start = time.monotonic()
    syscalls = reference_syscalls(c, shape, root)
    points = [(s, n, False) for s, count in syscalls for n in range(1, count + 1)]
    children = child_kill_points(c, shape, root)
    points += [(s, n, True) for s, n in children]
    if c.args.point:
        follow = c.args.point.startswith("f:")
        s, _, n = c.args.point[2 if follow else 0:].partition(":")
        points = [(s, int(n), follow)]
    listing = ", ".join(f"{s} x{k}" for s, k in sorted(syscalls, key=lambda x: -x[1]))
    child_listing = ", ".join(f"{s} #{n}" for s, n in children) or "none: not isolated"
    c.say(f"sweep.{name} ({shape.what}): {len(points)} kill points ({listing}; with -f, below "
          f"the helper before the generator starts: {child_listing}); each: set up the old set, "
          "SIGKILL at that syscall's entry in the run writing new, then (a) the same run with a "
          "failing generator, (r) the run writing new again, to completion (stamps checked), "
          "(b) a run writing version 3; budget "
          f"{c.args.budget:.0f} s")
    deadline = start + c.args.budget
    shown = 0
    not_reached = []
    for done, (syscall, n, follow) in enumerate(points):
        if time.monotonic() > deadline:
            c.violation(f"budget of {c.args.budget:.0f} s exceeded after {done} of "
                        f"{len(points)} kill points: the sweep is incomplete (raise --budget "
                        "or make the shape smaller)")
            break
        label = f"{'f:' if follow else ''}{syscall}:{n}"
        seen = sweep_kill_point(c, shape, root, syscall, n, follow)
        rc = seen["killed"][0]
        c.count("child kill points (-f)" if follow else "kill points")
        c.count(("child: " if follow else "") +
                ("reached" if rc == KILLED else "helper failed (exit 1)" if rc == 1
                 else "not reached (run succeeded)" if rc == 0 else f"exit {rc}"))
        if rc == 0:
            not_reached.append(label)
        c.count(f"after the kill {sweep_classify(shape, seen['after kill'])}")
        c.count(f"after (a) {sweep_classify(shape, seen['after (a)'])}")
        problems = sweep_invariant(shape, seen, child=follow)
        if c.args.point:
            c.say(f"  {label}: exit {rc}; after the kill "
                  f"{sweep_describe(shape, seen['after kill'])}, helper files "
                  f"{seen['files after kill']}; after (a) "
                  f"{sweep_describe(shape, seen['after (a)'])}; after (b) "
                  f"{sweep_describe(shape, seen['after (b)'])}, stages "
                  f"{seen['stages after (b)']}; {sweep_describe_stamps(shape, seen)}")
        if not problems:
            continue
        c.count("violating kill points")
        c.violation(f"{label}: " + "; ".join(problems) + " [after the kill: "
                    f"{sweep_describe(shape, seen['after kill'])} with "
                    f"{seen['files after kill']}; after (a): "
                    f"{sweep_describe(shape, seen['after (a)'])}; after (b): "
                    f"{sweep_describe(shape, seen['after (b)'])}; "
                    f"{sweep_describe_stamps(shape, seen)}]")
        if shown < 3:
            shown += 1
            again = [sys.executable, os.path.abspath(__file__), f"sweep.{name}", "--helper",
                     c.helper, "--work", c.work, "--point", label]
            c.say(f"    reproduce: {shlex.join(again)}")
            setup = [shlex.join(["cp", os.path.join(c.work, "store", f"{i}.1"), o.path])
                     if o.existing else shlex.join(["rm", "-f", o.path])
                     for i, o in enumerate(shape.outputs)]
            killed = strace_command(syscall, n, sweep_command(c, shape, root, 2), follow)
            c.say(f"    by hand: cd {shlex.quote(root)} && {' && '.join(setup)} && "
                  f"TMPDIR={shlex.quote(os.path.join(c.work, 'tmp'))} {shlex.join(killed)}"
                  f"; {shlex.join(sweep_command(c, shape, root, 'fail'))}; head -n1 "
                  f"{' '.join(shlex.quote(o.path) for o in shape.outputs)}")
    elapsed = time.monotonic() - start
    if not_reached:
        c.say(f"not reached (the run made fewer of these calls than the reference run): "
              f"{', '.join(not_reached)}")
    total = c.counts.get("kill points", 0) + c.counts.get("child kill points (-f)", 0)
    return c.finish(f"sweep.{name}: {total} of {len(points)} kill points in {elapsed:.1f} s; "
                    "after (a) every set all old or all new, after (r) the stamp of every "
                    "output that differs from before the kill touched, after (b) version 3, "
                    "no helper file and no stage left")


# ---------------------------------------------------------------------------------------------
# SIGINT to ninja / make regenerating a source-tree output

PROJECT = """cmake_minimum_required(VERSION 3.25)
project(FaultInterrupt LANGUAGES C)
include("{module}")
add_executable(app main.c)
add_generated_source(table
  OUTPUT "${{CMAKE_CURRENT_SOURCE_DIR}}/generated/table.h"
  COMMAND "{python}" "{generator}" --version-file "${{CMAKE_CURRENT_SOURCE_DIR}}/table.txt"
    --size {size} --chunks {chunks} --delay {delay} --marker "{marker}" generated/table.h
  WORKING_DIRECTORY "${{CMAKE_CURRENT_SOURCE_DIR}}"
  DEPENDS table.txt
  CONSUMERS app)
"""


def configure(c, source, build, generator, extra=()):
    result = c.run(["cmake", "-S", source, "-B", build, "-G", generator,
                    f"-DATOMICGEN_EXECUTABLE={c.helper}", *extra], c.work, timeout=300)
    if result[0] != 0:
        raise RuntimeError(f"configure failed: {result[1]}{result[2]}")


def build_command(generator, build):
    return ["ninja", "-C", build] if generator == "Ninja" else ["make", "-C", build]


def case_interrupt(c, tool):
    generator = "Ninja" if tool == "ninja" else "Unix Makefiles"
    if shutil.which(build_command(generator, "")[0]) is None:
        raise Skip(f"{tool} not found")
    source = os.path.join(c.work, "src")
    build = os.path.join(c.work, "build")
    marker = os.path.join(c.work, "writing.marker")
    os.makedirs(os.path.join(source, "generated"))
    size, chunks, delay = 64 * 1024, 20, 0.02
    write(os.path.join(source, "CMakeLists.txt"), PROJECT.format(
        module=os.path.join(c.args.repo, "cmake", "AtomicGen.cmake"), python=c.python,
        generator=GENERATOR, size=size, chunks=chunks, delay=delay, marker=marker).encode())
    write(os.path.join(source, "main.c"),
          b'#include "generated/table.h"\nint main(void) { return 0; }\n')
    write(os.path.join(source, "table.txt"), b"0\n")
    table = os.path.join(source, "generated", "table.h")
    reps = c.args.runs
    data = {v: slow_generator.content("table.h", str(v), size) for v in range(reps + 1)}
    write(table, data[0])  # checked in
    configure(c, source, build, generator)
    c.expect_ok(f"{tool}: first build", c.run(build_command(generator, build), c.work))
    current = 0
    c.say(f"interrupt.{tool}: {reps} regenerations interrupted by SIGINT at different moments "
          f"(generator writes {chunks} chunks over ~{chunks * delay:.1f} s)")
    for k in range(reps):
        new = current + 1
        write(os.path.join(source, "table.txt"), f"{new}\n".encode())
        if os.path.exists(marker):
            os.unlink(marker)
        # From just after writing began to just after the generator is done.
        wait = (chunks * delay * 1.1) * k / max(1, reps - 1)
        to_group = tool == "make" or k % 2 == 0
        proc = subprocess.Popen(build_command(generator, build), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while not os.path.exists(marker) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(wait)
        if proc.poll() is None:
            if to_group:
                os.killpg(proc.pid, signal.SIGINT)
            else:
                os.kill(proc.pid, signal.SIGINT)
        try:
            out = proc.communicate(timeout=60)[0].decode(errors="replace")
        except subprocess.TimeoutExpired:
            reap_group(proc.pid)
            out = proc.communicate()[0].decode(errors="replace")
            c.violation(f"{tool}: the build did not stop within 60 s of SIGINT:\n{out}")
        time.sleep(0.2)  # let a generator that got SIGINT forwarded finish dying
        reap_group(proc.pid)
        got = read(table)
        which = "old" if got == data[current] else "new" if got == data[new] else \
            "missing" if got is None else f"{len(got)} bytes, neither old nor new"
        c.count(f"{which} after SIGINT")
        c.say(f"  rep {k}: SIGINT to {'process group' if to_group else tool} "
              f"{wait * 1000:.0f} ms after writing began; build exit {proc.returncode}; "
              f"table.h is {which}")
        c.check(got in (data[current], data[new]),
                f"{tool} rep {k}: source-tree output is {which} after SIGINT; build said:\n{out}")
        c.expect_ok(f"{tool} rep {k}: rebuild", c.run(build_command(generator, build), c.work))
        c.check(read(table) == data[new], f"{tool} rep {k}: rebuild did not produce the new table")
        c.expect_no_leftovers(f"{tool} rep {k}: after the rebuild", source)
        current = new
    return c.finish(f"interrupt.{tool}: {reps} interrupted regenerations, source-tree output "
                    "never deleted or truncated")


# ---------------------------------------------------------------------------------------------
# a reader hashing the output while many helpers rewrite it

def reader_main(args):
    """The reader process: hash `path` in a tight loop until `stop` exists; print counts."""
    good = {line.strip() for line in open(args.versions)}
    reads = bad = 0
    examples = []
    while not os.path.exists(args.stop):
        try:
            with open(args.path, "rb") as f:
                data = f.read()
            state = hashlib.sha256(data).hexdigest() if data else "empty"
        except FileNotFoundError:
            state = "missing"
        reads += 1
        if state not in good:
            bad += 1
            if len(examples) < 5:
                examples.append(state if state in ("empty", "missing")
                                else f"{len(data)} bytes, unknown content")
    print(f"reads {reads} bad {bad} examples {examples}", flush=True)
    return 0


def case_reader(c):
    d = os.path.join(c.work, "out")
    store = os.path.join(c.work, "store")
    os.makedirs(d)
    os.makedirs(store)
    versions = 6
    size = 128 * 1024
    hashes = []
    for v in range(versions):
        b = slow_generator.content("out.h", str(v), size)
        write(os.path.join(store, f"v{v}"), b)
        hashes.append(hashlib.sha256(b).hexdigest())
    write(os.path.join(c.work, "hashes"), "\n".join(hashes).encode())
    out = os.path.join(d, "out.h")
    c.expect_ok("initial run", c.helper_run(["--stdout", "out.h"],
                                            ["cat", os.path.join(store, "v0")], d))

    def start_reader(stop):
        return subprocess.Popen([c.python, os.path.abspath(__file__), "reader", "--helper",
                                 c.helper, "--work", c.work, "--path", out, "--versions",
                                 os.path.join(c.work, "hashes"), "--stop", stop],
                                stdout=subprocess.PIPE)

    def stop_reader(reader, stop):
        write(stop, b"")
        text = reader.communicate(timeout=60)[0].decode()
        m = re.search(r"reads (\d+) bad (\d+) examples (.*)", text)
        return int(m.group(1)), int(m.group(2)), m.group(3)

    stop = os.path.join(c.work, "stop")
    reader = start_reader(stop)
    total, parallel = c.args.runs, 6
    c.say(f"reader: 1 reader hashing {out} in a loop; {total} helper runs rewrite it, "
          f"{parallel} at a time (--stdout with cat, --output with cp, one of {versions} "
          f"versions of {size // 1024} KiB each)")
    running = []
    started = failed = 0
    deadline = time.monotonic() + c.args.budget
    while (started < total or running) and time.monotonic() < deadline + 60:
        while started < total and len(running) < parallel and time.monotonic() < deadline:
            v = c.rng.randrange(versions)
            src = os.path.join(store, f"v{v}")
            if started % 2:
                argv = [c.helper, "run", "--stdout", "out.h", "--", "cat", src]
            else:
                argv = [c.helper, "run", "--output", "out.h", "--", "cp", src, "out.h"]
            running.append(subprocess.Popen(argv, cwd=d, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.PIPE))
            started += 1
        if started >= total or time.monotonic() >= deadline:
            if not running:
                break
        still = []
        for p in running:
            if p.poll() is None:
                still.append(p)
            elif p.returncode != 0:
                failed += 1
                c.violation(f"writer exited {p.returncode}: {p.stderr.read().decode()!r}")
        running = still
        time.sleep(0.001)
    for p in running:
        p.wait()
    reads, bad, examples = stop_reader(reader, stop)
    c.count("writes", started)
    c.count("failed writes", failed)
    c.count("reads", reads)
    c.count("bad reads", bad)
    c.check(bad == 0, f"the reader saw {bad} partial, empty or missing files: {examples}")
    c.check(reads > 0, "the reader never read")
    c.expect_no_leftovers("after the writers", d)

    # Negative control (printed, not asserted): the same reader against plain `cp` rewrites.
    os.unlink(stop)
    reader = start_reader(stop)
    naive = min(200, total)
    for i in range(naive):
        shutil.copyfile(os.path.join(store, f"v{i % versions}"), out)
    reads, bad, examples = stop_reader(reader, stop)
    c.say(f"negative control: {naive} plain copies over the output: reader saw {bad} bad of "
          f"{reads} reads {examples} (shows what the check detects)")
    return c.finish(f"reader: {started} rewrites, {c.counts.get('reads')} reads, none partial")


# ---------------------------------------------------------------------------------------------
# resource limits: full disk, file size limit

def try_mount_tmpfs(c, directory, size):
    os.makedirs(directory, exist_ok=True)
    if os.geteuid() != 0:
        raise Skip("mounting a small tmpfs needs root (not running as root here)")
    result = c.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", directory], c.work)
    if result[0] != 0:
        raise Skip(f"mounting a small tmpfs is not permitted here: {result[2].strip()}")


def unmount(c, directory):
    if c.run(["umount", directory], c.work)[0] != 0:
        c.run(["umount", "-l", directory], c.work)


def case_full_disk(c):
    full = os.path.join(c.work, "full")
    try_mount_tmpfs(c, full, "64k")
    try:
        old = slow_generator.content("out.h", "old", 8 * 1024)
        big = 256 * 1024  # 4 times the file system
        tried = 0
        # 1. The generator's own writes fail (staged and --stdout: the temporary files are next
        #    to the destination, on the full file system).
        for label, options, generator in [
                ("stdout", ["--stdout", "out.h"],
                 c.gen("--stdout", "--size", str(big), "--chunks", "4")),
                ("staged", ["--output", "out.h"],
                 c.gen("--size", str(big), "--chunks", "4", "out.h"))]:
            write(os.path.join(full, "out.h"), old)
            result = c.helper_run(options, generator, full)
            tried += 1
            c.say(f"  full disk, {label}: exit {result[0]}: {result[2].strip()!r}")
            c.expect_error(f"full disk {label}", result, {1, 3}, ["out.h"], kept=True)
            c.check(read(os.path.join(full, "out.h")) == old, f"full disk {label}: old output "
                    "changed")
            c.expect_no_leftovers(f"full disk {label}", full)
        # 2. The helper's own writes fail: a symlinked destination on the full file system is
        #    staged next to the link, then copied across by the helper.
        d = os.path.join(c.work, "links")
        os.makedirs(d)
        write(os.path.join(full, "target.h"), old)
        os.symlink(os.path.join(full, "target.h"), os.path.join(d, "out.h"))
        result = c.helper_run(["--output", "out.h"], c.gen("--size", str(big), "out.h"), d)
        tried += 1
        c.say(f"  full disk, helper copies across devices: exit {result[0]}: "
              f"{result[2].strip()!r}")
        c.expect_error("full disk, cross-device copy", result, 3, ["target.h"], kept=True)
        c.check(read(os.path.join(full, "target.h")) == old, "full disk cross-device: old "
                "output changed")
        c.expect_no_leftovers("full disk cross-device (link side)", d)
        c.expect_no_leftovers("full disk cross-device (target side)", full)
        # 3. copy-if-different onto the full file system.
        write(os.path.join(c.work, "big.src"), slow_generator.content("x", "1", big))
        result = c.run([c.helper, "copy-if-different", os.path.join(c.work, "big.src"),
                        os.path.join(full, "target.h")], c.work)
        tried += 1
        c.say(f"  full disk, copy-if-different: exit {result[0]}: {result[2].strip()!r}")
        c.expect_error("full disk copy-if-different", result, 3, ["target.h"], kept=False)
        c.check(read(os.path.join(full, "target.h")) == old, "copy-if-different: old changed")
        c.expect_no_leftovers("full disk copy-if-different", full)
        # 4. The next run with room to spare succeeds.
        write(os.path.join(full, "out.h"), old)
        c.expect_ok("after a full disk, a small run",
                    c.helper_run(["--stdout", "out.h"], c.gen("--stdout", "--size", "1000"), full))
        c.count("tried", tried)
    finally:
        unmount(c, full)
    return c.finish("full disk: each failure one line, old output intact, no temporary left")


def case_file_size_limit(c):
    d = os.path.join(c.work, "out")
    os.makedirs(d)
    blocks = 64  # ulimit -f counts 512-byte blocks in POSIX sh (dash): 32 KiB
    limit = blocks * 512
    old = slow_generator.content("out.h", "old", 8 * 1024)
    over = 4 * limit

    def limited(argv):
        return ["/bin/sh", "-c", f'ulimit -f {blocks} && exec "$@"', "sh", *argv]

    cases = [
        # (label, argv, expected exit codes, what the error must name, checked file, initial)
        ("generator killed by SIGXFSZ (head, --stdout)",
         limited([c.helper, "run", "--stdout", "out.h", "--", "head", "-c", str(over),
                  "/dev/zero"]), {1}, ["out.h"], "out.h", old),
        ("generator write fails with EFBIG (python, --output)",
         limited([c.helper, "run", "--output", "out.h", "--", *c.gen("--size", str(over),
                                                                    "out.h")]),
         {1}, ["out.h"], "out.h", old),
        ("helper's own write: copy-if-different of a file over the limit",
         limited([c.helper, "copy-if-different", os.path.join(c.work, "big.src"), "out.h"]),
         {3}, ["out.h"], "out.h", old),
        ("helper's own write: in-place backup of an output over the limit",
         limited([c.helper, "run", "--in-place", "--output", "big.h", "--", "true"]),
         {3}, ["big.h"], "big.h", slow_generator.content("big.h", "old", over)),
    ]
    write(os.path.join(c.work, "big.src"), slow_generator.content("x", "1", over))
    for label, argv, codes, names, checked, initial in cases:
        write(os.path.join(d, checked), initial)
        result = c.run(argv, d)
        c.count("tried")
        c.say(f"  ulimit -f {blocks}: {label}: exit {result[0]}: {result[2].strip()!r}")
        bug = "helper-sigxfsz" if "helper's own" in label else None
        c.expect_error(f"{label}", result, codes, names, kept=argv[5] == "run") if bug is None \
            else c.check(result[0] in codes and ERROR_LINE.match(result[2].strip() or "-"),
                         f"{label}: the helper itself exceeded the file size limit: exit "
                         f"{result[0]} (signal {-result[0] if result[0] < 0 else 'none'}), "
                         f"stderr {result[2].strip()!r}", bug=bug)
        c.check(read(os.path.join(d, checked)) == initial, f"{label}: old output changed", bug)
        c.expect_no_leftovers(f"{label}", d, bug)
        # The next run, without the limit, must leave the old bytes (a generator that writes
        # nothing new: `true` in place) or succeed cleanly.
        if checked == "big.h":
            c.expect_ok(f"{label}: next run",
                        c.helper_run(["--in-place", "--output", "big.h"], ["true"], d))
        else:
            write(os.path.join(c.work, "initial"), initial)
            c.expect_ok(f"{label}: next run", c.helper_run(
                ["--stdout", checked], ["cat", os.path.join(c.work, "initial")], d))
        after = read(os.path.join(d, checked))
        c.check(after == initial,
                f"{label}: after the next run the output is not the old one any more "
                f"({'missing' if after is None else f'{len(after)} of {len(initial)} bytes'})",
                "partial-backup" if checked == "big.h" else bug)
        c.expect_no_leftovers(f"{label}: after the next run", d)
    return c.finish("file size limit: generator and helper failures are clean")


# ---------------------------------------------------------------------------------------------
# file-system edge cases

def case_unwritable(c):
    d = os.path.join(c.work, "locked")
    os.makedirs(d)
    old = slow_generator.content("out.h", "old", 4096)
    write(os.path.join(d, "out.h"), old)
    os.chmod(os.path.join(d, "out.h"), 0o644)
    preexec = None
    how = "as this user, directory mode 0555"
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            raise Skip("running as root and setpriv is missing: cannot drop privileges")
        probe = c.run([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "test", "-x",
                       c.helper], c.work)
        if probe[0] != 0:
            raise Skip(f"uid 65534 cannot execute {c.helper} (a parent directory is not "
                       "searchable by others)")
        prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        how = "as uid 65534 (setpriv), directory owned by root, mode 0755"
        os.chmod(d, 0o755)
    else:
        prefix = []
        os.chmod(d, 0o555)
    try:
        for label, options, generator in [
                ("--stdout", ["--stdout", "out.h"], ["echo", "new"]),
                ("--output", ["--output", "out.h"], ["sh", "-c", "echo new > out.h"]),
                ("--in-place", ["--in-place", "--output", "out.h"],
                 ["sh", "-c", "echo new > out.h"])]:
            result = c.run(prefix + [c.helper, "run", *options, "--", *generator], d)
            c.count("tried")
            c.say(f"  unwritable directory ({how}), {label}: exit {result[0]}: "
                  f"{result[2].strip()!r}")
            c.expect_error(f"unwritable {label}", result, 3, [d], kept=True)
            c.check(read(os.path.join(d, "out.h")) == old, f"unwritable {label}: output changed")
            c.expect_no_leftovers(f"unwritable {label}", d)
    finally:
        os.chmod(d, 0o755)
    return c.finish("unwritable directory: clean one-line failure, output intact")


def case_output_is_directory(c):
    d = os.path.join(c.work, "out")
    os.makedirs(os.path.join(d, "gen.h"))
    write(os.path.join(d, "gen.h", "inside"), b"keep me\n")
    for label, options, generator in [
            ("--stdout", ["--stdout", "gen.h"], ["echo", "x"]),
            ("--output", ["--output", "gen.h"], ["sh", "-c", "echo x > gen.h"]),
            ("--in-place", ["--in-place", "--output", "gen.h"], ["true"])]:
        result = c.helper_run(options, generator, d)
        c.count("tried")
        c.say(f"  output is a directory, {label}: exit {result[0]}: {result[2].strip()!r}")
        c.expect_error(f"directory output {label}", result, {3, 4}, ["gen.h"], kept=False)
        c.check(read(os.path.join(d, "gen.h", "inside")) == b"keep me\n",
                f"directory output {label}: the directory's content changed")
        c.expect_no_leftovers(f"directory output {label}", d)
    return c.finish("output path that is a directory: clean one-line failure, nothing changed")


SPECIAL_NAMES = ["with space.h", "semi;colon.h", 'double"quote.h', "single'quote.h",
                 "ünïcödé €.h", "tab\there.h", "-dash.h", "back\\slash.h"]


def case_special_paths(c):
    base = os.path.join(c.work, "dir with space ü ; ' \"")
    os.makedirs(base)
    for name in SPECIAL_NAMES:
        for label in ("--stdout", "--output", "--output absolute"):
            dest = os.path.join(base, name)
            if os.path.exists(dest):
                os.unlink(dest)
            declared = dest if label.endswith("absolute") else name
            argv_name = dest if label.endswith("absolute") else (
                "./" + name if name.startswith("-") else name)
            for version in ("1", "1", "2"):
                if label == "--stdout":
                    result = c.helper_run(["--stdout", declared],
                                          c.gen("--stdout", "--version", version), base)
                    want = slow_generator.content("stdout", version, 4096)
                else:
                    result = c.helper_run(["--output", declared],
                                          c.gen("--version", version, argv_name), base)
                    want = slow_generator.content(name, version, 4096)
                c.count("runs")
                c.expect_ok(f"{name!r} {label} v{version}", result)
                c.check(read(dest) == want, f"{name!r} {label} v{version}: wrong content")
            # A failing generator: old content kept, the error names the output.
            result = c.helper_run(["--output" if label != "--stdout" else "--stdout", declared],
                                  c.gen("--version", "3", "--fail",
                                        *(["--stdout"] if label == "--stdout" else [argv_name])),
                                  base)
            c.count("runs")
            c.expect_error(f"{name!r} {label} failing", result, 1, [name], kept=True)
            c.check(read(dest) == want, f"{name!r} {label} failing: old content changed")
            c.expect_no_leftovers(f"{name!r} {label}", base)
    return c.finish(f"special paths: {len(SPECIAL_NAMES)} names x 3 ways, committed and failed "
                    "cleanly")


SPECIAL_PROJECT = """cmake_minimum_required(VERSION 3.25)
project(FaultSpecialPaths LANGUAGES C)
include("{module}")
add_executable(app main.c)
add_generated_source(special
  OUTPUT {outputs}
  COMMAND "{python}" "{generator}" --version-file "${{CMAKE_CURRENT_SOURCE_DIR}}/version.txt"
    --log "{log}" {outputs}
  DEPENDS version.txt
  CONSUMERS app)
target_include_directories(app PRIVATE "${{CMAKE_CURRENT_BINARY_DIR}}")
"""

CMAKE_SETS = {
    # Spaces, quotes, non-ASCII: plain CMake quoting.
    "names": ['"with space.h"', '"single\'quote.h"', '"double\\"quote.h"',
              '"ünïcödé €.h"', '"sub dir ü/nested file.h"',
              '"${CMAKE_CURRENT_SOURCE_DIR}/tree gen ü/in source.h"'],
    # A semicolon cannot be carried by CMake's custom commands: the module rejects it
    # (tests/misuse/cases/output_with_semicolon.cmake); the helper handles it (special-paths).
}


def case_special_cmake(c, which, tool):
    generator = "Ninja" if tool == "ninja" else "Unix Makefiles"
    if shutil.which(build_command(generator, "")[0]) is None:
        raise Skip(f"{tool} not found")
    source = os.path.join(c.work, "source dir ü")
    build = os.path.join(c.work, "build dir ü")
    log = os.path.join(c.work, "runs.log")
    os.makedirs(source)
    outputs = CMAKE_SETS[which]
    write(os.path.join(source, "CMakeLists.txt"), SPECIAL_PROJECT.format(
        module=os.path.join(c.args.repo, "cmake", "AtomicGen.cmake"), python=c.python,
        generator=GENERATOR, log=log, outputs=" ".join(outputs)).encode())
    write(os.path.join(source, "main.c"), b"int main(void) { return 0; }\n")
    write(os.path.join(source, "version.txt"), b"1\n")
    paths = []
    for spelled in outputs:
        p = spelled[1:-1].replace('\\"', '"').replace("${CMAKE_CURRENT_SOURCE_DIR}", source)
        paths.append(p if os.path.isabs(p) else os.path.join(build, p))
        if os.path.isabs(p):
            os.makedirs(os.path.dirname(p), exist_ok=True)
    c.say(f"special-cmake.{which}.{tool}: outputs {[os.path.relpath(p, c.work) for p in paths]}")

    def runs():
        return len(open(log).read().splitlines()) if os.path.exists(log) else 0

    def expect_outputs(version, what):
        for p in paths:
            got = read(p)
            c.check(got == slow_generator.content(os.path.basename(p), version, 4096),
                    f"{what}: {p} is " + ("missing" if got is None else "wrong"))
        listing = sorted(os.path.relpath(os.path.join(r, f), c.work)
                         for top in (source, build) for r, _, fs in os.walk(top) for f in fs
                         if f.endswith(".h"))
        extra = [f for f in listing if os.path.join(c.work, f) not in paths]
        c.check(not extra, f"{what}: unexpected files {extra}")

    result = c.run(["cmake", "-S", source, "-B", build, "-G", generator,
                    f"-DATOMICGEN_EXECUTABLE={c.helper}"], c.work, timeout=300)
    if not c.check(result[0] == 0, f"configure failed:\n{result[1]}{result[2]}"):
        return c.finish("configure failed")
    result = c.run(build_command(generator, build), c.work, timeout=300)
    c.check(result[0] == 0, f"first build failed:\n{result[1]}{result[2]}")
    expect_outputs("1", "first build")
    c.check(runs() == 1, f"first build ran the generator {runs()} times")
    result = c.run(build_command(generator, build), c.work, timeout=300)
    c.check(result[0] == 0, f"second build failed:\n{result[1]}{result[2]}")
    c.check(runs() == 1, f"the no-op build re-ran the generator (runs: {runs()})")
    mtimes = [os.stat(p).st_mtime_ns for p in paths if os.path.exists(p)]
    time.sleep(0.02)
    os.utime(os.path.join(source, "version.txt"))
    result = c.run(build_command(generator, build), c.work, timeout=300)
    c.check(result[0] == 0, f"build after touching the input failed:\n{result[1]}{result[2]}")
    c.check(runs() == 2, f"touching the input ran the generator {runs() - 1} more times")
    c.check(mtimes == [os.stat(p).st_mtime_ns for p in paths if os.path.exists(p)],
            "identical outputs got a new mtime")
    write(os.path.join(source, "version.txt"), b"2\n")
    result = c.run(build_command(generator, build), c.work, timeout=300)
    c.check(result[0] == 0, f"build after changing the input failed:\n{result[1]}{result[2]}")
    expect_outputs("2", "after changing the input")
    c.expect_no_leftovers("after the builds", source)
    c.expect_no_leftovers("after the builds", build)
    c.count("builds", 4)
    c.count("generator runs", runs())
    return c.finish(f"special-cmake.{which}.{tool}: {len(paths)} outputs built, rebuilt, kept")


def case_long_paths(c):
    path_max = os.pathconf("/", "PC_PATH_MAX")
    name_max = os.pathconf("/", "PC_NAME_MAX")
    old = slow_generator.content("old", "0", 4096)
    c.say(f"long paths: PATH_MAX {path_max}, NAME_MAX {name_max}")

    def deep_dir(length):
        """A directory below the work directory whose absolute path is `length` bytes."""
        d = c.work
        component = 0
        while len(d) < length:
            room = length - len(d) - 1
            piece = f"d{component}".ljust(min(200, room), "x") if room >= 2 else None
            if piece is None:
                break
            d = os.path.join(d, piece)
            component += 1
        os.makedirs(d, exist_ok=True)
        return d

    def attempt(label, d, name, must_succeed):
        dest = os.path.join(d, name)
        write(dest, old)
        for spelled, cwd in ((name, d), (dest, c.work)):
            how = "relative" if spelled == name else "absolute"
            result = c.helper_run(["--output", spelled], ["cp", os.path.join(c.work, "new"),
                                                          spelled], cwd)
            c.count("tried")
            outcome = "committed" if result[0] == 0 else f"exit {result[0]}"
            c.say(f"  {label}, {how} (destination {len(dest)} bytes, name {len(name)}): "
                  f"{outcome} {result[2].strip()[:160]!r}")
            if must_succeed or result[0] == 0:
                c.expect_ok(f"{label} {how}", result)
                c.check(read(dest) == new, f"{label} {how}: not committed")
            else:
                c.expect_error(f"{label} {how}", result, 3, [], kept=True)
                c.check(read(dest) == old, f"{label} {how}: old output changed")
            c.expect_no_leftovers(f"{label} {how}", d)
            write(dest, old)

    new = slow_generator.content("new", "1", 4096)
    write(os.path.join(c.work, "new"), new)
    # Room for the helper's own names: staging adds ".atomicgen-<pid>-<19 digits>.stage/" and a
    # temporary ".<name>.atomicgen-<pid>-<19 digits>.tmp": about 50 bytes.
    attempt("nested directories, destination 150 bytes below PATH_MAX",
            deep_dir(path_max - 150 - 10), "out.h", must_succeed=True)
    attempt(f"file name of 200 bytes (NAME_MAX {name_max})", c.work, "n" * 196 + ".h",
            must_succeed=True)
    # Beyond what the helper's names leave room for: it must fail cleanly or succeed.
    attempt("destination 10 bytes below PATH_MAX", deep_dir(path_max - 10 - 6), "out.h",
            must_succeed=False)
    attempt(f"file name of {name_max} bytes", c.work, "m" * (name_max - 2) + ".h",
            must_succeed=False)
    return c.finish("long paths: committed where the names fit, clean failure otherwise")


def case_empty_output(c):
    d = os.path.join(c.work, "out")
    os.makedirs(d)
    out = os.path.join(d, "empty.h")
    steps = [
        ("create empty", ["true"], "created", b""),
        ("empty again", ["true"], "unchanged", b""),
        ("non-empty", ["echo", "x"], "replaced", b"x\n"),
        ("empty over non-empty", ["true"], "replaced", b""),
        ("empty again", ["true"], "unchanged", b""),
    ]
    for mode in ("--stdout", "--output"):
        if os.path.exists(out):
            os.unlink(out)
        for label, generator, verdict, want in steps:
            if mode == "--output":
                generator = ["sh", "-c", '"$@" > empty.h', "sh", *generator]
            before = os.stat(out) if os.path.exists(out) else None
            result = c.helper_run([mode, "empty.h", "--verbose"], generator, d)
            c.count("runs")
            c.expect_ok(f"{mode} {label}", result)
            c.check(read(out) == want, f"{mode} {label}: content {read(out)!r}")
            c.check(f"empty.h: {verdict}" in result[1],
                    f"{mode} {label}: expected {verdict!r}, helper said {result[1].strip()!r}")
            if verdict == "unchanged" and before is not None:
                after = os.stat(out)
                c.check((after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns),
                        f"{mode} {label}: identical empty output was touched")
            c.expect_no_leftovers(f"{mode} {label}", d)
    # A declared output the generator never creates is not "empty": exit 4, old kept.
    write(out, b"old\n")
    result = c.helper_run(["--output", "empty.h"], ["true"], d)
    c.count("runs")
    c.expect_error("output never produced", result, 4, ["empty.h"], kept=True)
    c.check(read(out) == b"old\n", "output never produced: old output changed")
    return c.finish("empty output: created, compared and replaced like any other")


def case_large(c):
    d = os.path.join(c.work, "out")
    os.makedirs(d)
    size = c.args.size
    out = os.path.join(d, "large.bin")
    try:
        start = time.monotonic()
        result = c.helper_run(["--stdout", "large.bin", "--verbose"],
                              c.gen("--big", str(size)), d, timeout=600)
        c.expect_ok("create", result)
        t_create = time.monotonic() - start
        before = os.stat(out)
        c.check(before.st_size == size, f"created {before.st_size} bytes, expected {size}")
        time.sleep(0.02)
        start = time.monotonic()
        result = c.helper_run(["--stdout", "large.bin", "--verbose"],
                              c.gen("--big", str(size)), d, timeout=600)
        t_same = time.monotonic() - start
        c.expect_ok("identical", result)
        after = os.stat(out)
        c.check("large.bin: unchanged" in result[1], f"identical: helper said {result[1]!r}")
        c.check((after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns),
                "identical 1 GiB output: inode or mtime changed")
        start = time.monotonic()
        flip = size - 12345
        result = c.helper_run(["--stdout", "large.bin", "--verbose"],
                              c.gen("--big", str(size), "--flip", str(flip)), d, timeout=600)
        t_changed = time.monotonic() - start
        c.expect_ok("one byte changed", result)
        changed = os.stat(out)
        c.check("large.bin: replaced" in result[1], f"changed: helper said {result[1]!r}")
        c.check(changed.st_ino != before.st_ino, "changed output kept its inode (not renamed?)")
        with open(out, "rb") as f:
            f.seek(flip)
            byte = f.read(1)
        pattern = slow_generator.big_pattern()
        c.check(byte == bytes([pattern[flip % len(pattern)] ^ 0xFF]), "the changed byte is wrong")
        c.expect_no_leftovers("large", d)
        c.count("runs", 3)
        c.say(f"large: {size} bytes: create {t_create:.1f} s, identical (untouched) "
              f"{t_same:.1f} s, one byte changed (replaced) {t_changed:.1f} s")
    finally:
        remove_tree(d)
    return c.finish(f"large output ({size} bytes): identical untouched, one byte replaced")


CASES = {
    **{f"kill.{m}": (lambda m: lambda c: case_kill(c, m))(m) for m in KILL_MODES},
    **{f"sweep.{s}": (lambda s: lambda c: case_sweep(c, s))(s) for s in SWEEP_SHAPES},
    "interrupt.ninja": lambda c: case_interrupt(c, "ninja"),
    "interrupt.make": lambda c: case_interrupt(c, "make"),
    "reader": case_reader,
    "full-disk": case_full_disk,
    "file-size-limit": case_file_size_limit,
    "unwritable-directory": case_unwritable,
    "output-is-directory": case_output_is_directory,
    "special-paths": case_special_paths,
    **{f"special-cmake.{w}.{t}": (lambda w, t: lambda c: case_special_cmake(c, w, t))(w, t)
       for w in CMAKE_SETS for t in ("ninja", "make")},
    "long-paths": case_long_paths,
    "empty-output": case_empty_output,
    "large": case_large,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("case", choices=sorted(CASES) + ["reader"])
    parser.add_argument("--helper", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))))
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--size", type=int, default=1 << 30)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--known-bug", action="append", default=[])
    parser.add_argument("--point", help="sweep: only this kill point, <syscall>:<n> (the "
                        "helper's) or f:<syscall>:<n> (under strace -f)")
    # the reader process
    parser.add_argument("--path")
    parser.add_argument("--versions")
    parser.add_argument("--stop")
    args = parser.parse_args()
    if args.path:
        return reader_main(args)
    c = Case(args)
    print(f"fault.{args.case}: helper {c.helper}, work {c.work}, seed {c.seed}", flush=True)
    try:
        return CASES[args.case](c)
    except Skip as why:
        print(f"SKIPPED: {why}", flush=True)
        return SKIP


if __name__ == "__main__":
    sys.exit(main())
