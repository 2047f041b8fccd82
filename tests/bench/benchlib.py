"""Shared pieces of AtomicGen's benchmarks: one spawner for every alternative, interleaved
repetitions, medians and ratios, and the result table.

Every measured command is started with os.posix_spawn() and reaped with os.waitpid() from this one
Python process, and timed with time.perf_counter_ns() around exactly that: nothing is subtracted,
so the spawner's own cost is in every alternative alike and cancels in the ratios.
"""
import os
import shutil
import statistics
import subprocess
import time

DEVNULL_FD = None


def devnull():
    global DEVNULL_FD
    if DEVNULL_FD is None:
        DEVNULL_FD = os.open(os.devnull, os.O_RDWR)
    return DEVNULL_FD


def which(name):
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"run_benchmarks: {name} not found in PATH")
    return os.path.realpath(path)


def spawn(argv, cwd=None, stdout=None, stderr=None, env=None):
    """Runs argv[0] (an absolute path) to completion; returns (exit status, seconds)."""
    code, seconds, _ = spawn_cpu(argv, cwd=cwd, stdout=stdout, stderr=stderr, env=env)
    return code, seconds


def spawn_cpu(argv, cwd=None, stdout=None, stderr=None, env=None):
    """spawn(), also returning the CPU time (user + system) of the child and everything it waited
    for: (exit status, seconds, cpu seconds).  On a machine shared with other jobs, wall time also
    counts waiting for a core; CPU time is what the measured command itself cost.

    stdout/stderr: None (to /dev/null) or a path (created/truncated, as a shell redirection).
    cwd: the child's working directory (the driver changes its own around the spawn, untimed).
    """
    actions = []
    for fd, path in ((1, stdout), (2, stderr)):
        if path is None:
            actions.append((os.POSIX_SPAWN_DUP2, devnull(), fd))
        else:
            actions.append((os.POSIX_SPAWN_OPEN, fd, path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
                            0o666))
    previous = None
    if cwd is not None:
        previous = os.getcwd()
        os.chdir(cwd)
    try:
        start = time.perf_counter_ns()
        pid = os.posix_spawn(argv[0], argv, env if env is not None else os.environ,
                             file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        elapsed = (time.perf_counter_ns() - start) / 1e9
    finally:
        if previous is not None:
            os.chdir(previous)
    return os.waitstatus_to_exitcode(status), elapsed, usage.ru_utime + usage.ru_stime


def check(argv, cwd=None, stdout=None, what=None):
    """spawn() that must succeed; returns seconds."""
    return check_cpu(argv, cwd=cwd, stdout=stdout, what=what)[0]


def check_cpu(argv, cwd=None, stdout=None, what=None):
    """spawn_cpu() that must succeed; returns (seconds, cpu seconds)."""
    log = stdout
    code, seconds, cpu = spawn_cpu(argv, cwd=cwd, stdout=log, stderr=log)
    if code != 0:
        detail = ""
        if log and os.path.exists(log):
            with open(log, errors="replace") as f:
                detail = "\n" + "".join(f.readlines()[-30:])
        raise SystemExit(f"run_benchmarks: {what or argv[0]} failed with {code}: "
                         f"{' '.join(argv)}{detail}")
    return seconds, cpu


def interleave(alternatives, repetitions, warmup=1):
    """alternatives: {name: callable() -> seconds}. Runs them round-robin (A, B, C, A, B, C, ...)
    `warmup` times unrecorded, then `repetitions` times; returns {name: [seconds...]}."""
    samples = {name: [] for name in alternatives}
    for round_ in range(warmup + repetitions):
        for name, run in alternatives.items():
            seconds = run()
            if round_ >= warmup:
                samples[name].append(seconds)
    return samples


def median(values):
    return statistics.median(values)


def quartiles(values):
    if len(values) < 4:
        return min(values), max(values)
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def compile_tools(work_dir, cc="cc"):
    """Compiles tools/*.c with -O2 into work_dir; returns {name: path}."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tools")
    tools = {}
    for source in ("minimal_ref.c", "tiny_gen.c"):
        name = source[:-2]
        out = os.path.join(work_dir, name)
        subprocess.run([cc, "-O2", "-o", out, os.path.join(here, source)], check=True)
        tools[name] = out
    tools["update_file.py"] = os.path.join(here, "update_file.py")
    return tools


class Table:
    """Rows of (benchmark, what, value) and targets with PASS/MISS, printed as Markdown."""

    def __init__(self):
        self.rows = []
        self.targets = []

    def row(self, benchmark, what, value):
        self.rows.append((benchmark, what, value))

    def target(self, name, measured, goal, ok):
        self.targets.append((name, measured, goal, "PASS" if ok else "MISS"))

    def render(self):
        lines = ["| benchmark | measurement | median |", "|---|---|---|"]
        lines += [f"| {b} | {w} | {v} |" for b, w, v in self.rows]
        lines += ["", "| target | measured | goal | result |", "|---|---|---|---|"]
        lines += [f"| {n} | {m} | {g} | {r} |" for n, m, g, r in self.targets]
        return "\n".join(lines)


def ms(seconds):
    return f"{seconds * 1e3:.3f} ms"
