#!/usr/bin/env python3
"""Stress driver: CPython's bpo-42398 race in examples/cpython-like, naive wiring against AtomicGen.

For each wiring (naive, atomicgen) and each build tool (Ninja, Make) it copies the example into a
scratch directory (the example writes into its own source tree), configures and builds it once,
then runs iterations of:

    1. an action, drawn at random (seeded): `edit` toggles the docstring of one annotated function
       in one Modules/*.c (one clinic header changes); `clean` removes the build outputs (the
       Fedora shape: regen-all on a tree whose objects are not built yet); `touch` bumps the
       mtime of an input of every regeneration step without changing it; `none` does nothing;
    2. one build of everything in one invocation: `ninja -j16 regen-all all` / `make -j16
       regen-all all`;
    3. checks: the build's exit status; every generated file complete (its last line is a
       trailer carrying a hash of the text before it); no helper leftovers (`.atomicgen-`) in the
       source tree; `python --selftest` of the built interpreter.

An iteration fails if any check fails. The table printed at the end has one row per wiring x tool.

Exit status: 0 when the atomicgen wiring never failed and the naive control failed at least once;
1 otherwise (a control that never fails proves nothing: the output says so); 2 on a setup error
(configure or first build failed, a tool is missing).

    python3 tests/stress/stress.py --iterations 300          # the long run
    python3 tests/stress/stress.py --iterations 6 --naive-until-failure 12   # what stress.short runs
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLE = os.path.join(REPO, "examples", "cpython-like")

CLINIC_TRAILER = re.compile(r"^/\*\[clinic end generated code: output=([0-9a-f]{16}) "
                            r"input=[0-9a-f]{16}\]\*/\n\Z")
GENERIC_TRAILER = re.compile(r"^/\* \[generated end: \S+ fnv1a=([0-9a-f]{16})\] \*/\n\Z")
COMPILER_ERROR = re.compile(r"^\S+:\d+(?::\d+)?: (?:fatal )?error")
ERROR_LINE = re.compile(r"error|\*\*\*|FAILED", re.I)
DOC_SUFFIX = " (edited by the stress driver)"
ACTIONS = [("edit", 4), ("clean", 3), ("touch", 2), ("none", 1)]


def fnv1a(data):
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def generated_files(src):
    """The checked-in generated files of the example, relative to its source root."""
    with open(os.path.join(src, "Modules", "Setup"), encoding="utf-8") as setup:
        modules = [line.strip() for line in setup if line.strip() and not line.startswith("#")]
    return ([f"Modules/clinic/{m}.c.h" for m in modules] +
            ["Include/opcode.h", "Include/internal/pycore_ast.h", "Python/Python-ast.c",
             "Python/frozen.h"])


def incomplete(src, relative):
    """None if the generated file is complete, else what is wrong with it."""
    try:
        with open(os.path.join(src, relative), "rb") as f:
            data = f.read()
    except OSError as error:
        return f"{relative}: {error.strerror}"
    cut = data.rstrip(b"\n").rfind(b"\n") + 1
    body, last = data[:cut], data[cut:].decode("utf-8", "replace")
    match = CLINIC_TRAILER.match(last) or GENERIC_TRAILER.match(last)
    if not match:
        return f"{relative}: no trailer ({len(data)} bytes)"
    if match.group(1) != fnv1a(body):
        return f"{relative}: trailer hash does not match the text"
    return None


def leftovers(src):
    found = []
    for root, dirs, files in os.walk(src):
        for name in dirs + files:
            if ".atomicgen-" in name:
                found.append(os.path.relpath(os.path.join(root, name), src))
    return found


def toggle_docstring(src, rng):
    """Toggles a suffix on the last docstring line of one function block of one module."""
    modules = sorted(f for f in os.listdir(os.path.join(src, "Modules")) if f.endswith(".c")
                     and f != "config.c")
    path = os.path.join(src, "Modules", rng.choice(modules))
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    ends = [i for i, line in enumerate(lines) if line == "[clinic start generated code]*/"
            and not lines[i - 1].startswith("module ")]
    i = rng.choice(ends) - 1
    if lines[i].endswith(DOC_SUFFIX):
        lines[i] = lines[i][:-len(DOC_SUFFIX)]
    else:
        lines[i] += DOC_SUFFIX
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
    return os.path.relpath(path, src)


def touch_inputs(src, rng):
    modules = sorted(f for f in os.listdir(os.path.join(src, "Modules")) if f.endswith(".c"))
    touched = [os.path.join("Modules", rng.choice(modules)), "Lib/opcode.py",
               "Parser/Python.asdl", "Lib/__hello__.py"]
    now = time.time()
    for relative in touched:
        os.utime(os.path.join(src, relative), (now, now))
    return ", ".join(touched)


def first_error(output, src=None):
    """The compiler's first error line (paths relative to src), else the first line that looks
    like an error, else the last line."""
    lines = output.splitlines()
    for line in lines:
        if COMPILER_ERROR.search(line):
            return line.strip().replace(src + os.sep, "") if src else line.strip()
    for line in lines:
        if ERROR_LINE.search(line) and not line.startswith(("-- ", "Scanning")):
            return line.strip()
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(no output)"


def failing_source(line, src):
    """The file a compiler error names, relative to the source root, or a short label."""
    match = re.match(r"^(\S+?):\d+(?::\d+)?: (?:fatal )?error", line)
    if match:
        path = match.group(1)
        return os.path.relpath(path, src) if os.path.isabs(path) else path
    return line[:60]


class Combination:
    def __init__(self, wiring, tool):
        self.wiring, self.tool = wiring, tool
        self.iterations = self.failures = 0
        self.build_failed = self.incomplete = self.leftover = self.selftest = 0
        self.first_error = ""
        self.by_source = {}
        self.actions = {name: 0 for name, _ in ACTIONS}
        self.seconds = 0.0
        self.stopped = ""


def run(command, cwd=None, timeout=None, env=None):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, errors="replace", timeout=timeout)
    return result.returncode, result.stdout


def clean_environment():
    env = dict(os.environ)
    for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKE_TERMOUT", "MAKE_TERMERR"):
        env.pop(name, None)
    return env


def setup(args, combo, work, extra_configure=(), env=None):
    """Copies the example and configures and builds it once. extra_configure: more -D options
    (a compiler launcher); env: the environment of every command (else clean_environment())."""
    src, build = os.path.join(work, "src"), os.path.join(work, "build")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(EXAMPLE, src, symlinks=True,
                    ignore=shutil.ignore_patterns("build", "build-*", ".atomicgen-*",
                                                  "*.atomicgen-*"))
    generator, program = {"ninja": ("Ninja", args.ninja), "make": ("Unix Makefiles", args.make)}[
        combo.tool]
    configure = [args.cmake, "-S", src, "-B", build, "-G", generator,
                 f"-DCMAKE_MAKE_PROGRAM={program}",
                 f"-DCPYTHON_LIKE_WIRING={combo.wiring}",
                 f"-DCPYTHON_LIKE_WRITE_CHUNKS={args.chunks}",
                 f"-DCPYTHON_LIKE_WRITE_DELAY={args.delay}",
                 f"-DPython3_EXECUTABLE={sys.executable}",
                 "-DCMAKE_DISABLE_FIND_PACKAGE_AtomicGen=ON",
                 f"-DCPYTHON_LIKE_ATOMICGEN_ROOT={args.atomicgen_root}"]
    if args.atomicgen_executable:
        configure.append(f"-DATOMICGEN_EXECUTABLE={args.atomicgen_executable}")
    configure.extend(extra_configure)
    env = env or clean_environment()
    status, output = run(configure, timeout=300, env=env)
    if status != 0:
        raise SystemExit(f"stress: error: configure failed ({combo.wiring}, {combo.tool}):\n"
                         f"{output[-3000:]}")
    # The first build: `all` only, which in the naive wiring runs no generator (the checked-in
    # files are complete), in the atomicgen wiring runs them through the helper.
    status, output = run([program, "-C", build, f"-j{args.jobs}", "all"], timeout=600, env=env)
    if status != 0:
        raise SystemExit(f"stress: error: first build failed ({combo.wiring}, {combo.tool}):\n"
                         f"{output[-3000:]}")
    return src, build, program, env


def iterate(args, combo, src, build, program, env, rng, files, wrapper=()):
    """One iteration; wrapper: a command the build runs under (distcc-pump). Returns the build's
    output."""
    action = rng.choices([a for a, _ in ACTIONS], weights=[w for _, w in ACTIONS])[0]
    combo.actions[action] += 1
    if action == "edit":
        detail = toggle_docstring(src, rng)
    elif action == "touch":
        detail = touch_inputs(src, rng)
    elif action == "clean":
        status, output = run([program, "-C", build, "clean"], timeout=120, env=env)
        detail = "clean" if status == 0 else f"clean failed: {first_error(output)}"
    else:
        detail = ""
    start = time.monotonic()
    status, output = run([*wrapper, program, "-C", build, f"-j{args.jobs}", "regen-all", "all"],
                         timeout=args.build_timeout, env=env)
    combo.seconds += time.monotonic() - start
    problems = []
    if status != 0:
        combo.build_failed += 1
        problems.append(first_error(output, src))
        source = failing_source(problems[0], src)
        combo.by_source[source] = combo.by_source.get(source, 0) + 1
    torn = [p for p in (incomplete(src, f) for f in files) if p]
    if torn:
        combo.incomplete += 1
        problems.append("incomplete: " + torn[0])
    stray = leftovers(src)
    if stray:
        combo.leftover += 1
        problems.append("left over: " + stray[0])
    if status == 0:
        test_status, test_output = run([os.path.join(build, "python"), "--selftest"], timeout=60)
        if test_status != 0:
            combo.selftest += 1
            problems.append("selftest: " + first_error(test_output))
    combo.iterations += 1
    if problems:
        combo.failures += 1
        if not combo.first_error:
            combo.first_error = problems[0]
    if args.verbose:
        print(f"  {combo.wiring}/{combo.tool} #{combo.iterations} {action} {detail}: "
              f"{'FAIL ' + problems[0] if problems else 'ok'}", flush=True)
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.split("\n")[1:]))
    parser.add_argument("--iterations", type=int, default=20,
                        help="iterations per wiring x tool (default 20)")
    parser.add_argument("--naive-until-failure", type=int, metavar="CAP",
                        help="run the naive wiring until its first failure, at most CAP "
                             "iterations, instead of --iterations")
    parser.add_argument("--wirings", default="naive,atomicgen")
    parser.add_argument("--tools", default="ninja,make")
    parser.add_argument("--jobs", type=int, default=16, help="-j of every build (default 16)")
    parser.add_argument("--chunks", type=int, default=8,
                        help="pieces each generated file is written in (default 8)")
    parser.add_argument("--delay", type=float, default=0.005,
                        help="seconds between two pieces (default 0.005)")
    parser.add_argument("--seed", type=int, default=42424)
    parser.add_argument("--time-limit", type=float, default=0,
                        help="stop iterating after this many seconds in all (0: no limit)")
    parser.add_argument("--build-timeout", type=float, default=300)
    parser.add_argument("--work-dir", default=os.path.join(REPO, "build", "stress"))
    parser.add_argument("--atomicgen-root", default=REPO,
                        help="AtomicGen repository the example uses (default: this one)")
    parser.add_argument("--atomicgen-executable",
                        help="a built atomicgen helper (else the example builds it)")
    parser.add_argument("--cmake", default=shutil.which("cmake") or "cmake")
    parser.add_argument("--ninja", default=shutil.which("ninja") or shutil.which("ninja-build"))
    parser.add_argument("--make", default=shutil.which("make") or shutil.which("gmake"))
    parser.add_argument("--keep", action="store_true", help="keep the scratch directories")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per iteration")
    args = parser.parse_args()

    wirings = [w for w in args.wirings.split(",") if w]
    tools = [t for t in args.tools.split(",") if t]
    for tool in tools:
        if tool not in ("ninja", "make") or not getattr(args, tool):
            raise SystemExit(f"stress: error: tool '{tool}' unknown or not found")
    combos = [Combination(w, t) for w in wirings for t in tools]
    deadline = time.monotonic() + args.time_limit if args.time_limit > 0 else None
    print(f"stress: example {EXAMPLE}\nstress: work dir {args.work_dir}, -j{args.jobs}, "
          f"writes in {args.chunks} pieces {args.delay}s apart, seed {args.seed}", flush=True)
    if args.naive_until_failure:
        print(f"stress: naive wiring: until its first failure, at most {args.naive_until_failure}"
              f" iterations; atomicgen wiring: {args.iterations} iterations", flush=True)
    else:
        print(f"stress: {args.iterations} iterations per wiring x tool", flush=True)

    for index, combo in enumerate(combos):
        work = os.path.join(args.work_dir, f"{combo.wiring}-{combo.tool}")
        print(f"stress: {combo.wiring} / {combo.tool}: setting up", flush=True)
        src, build, program, env = setup(args, combo, work)
        files = generated_files(src)
        rng = random.Random(f"{args.seed}-{combo.wiring}-{combo.tool}")
        until_failure = combo.wiring == "naive" and args.naive_until_failure
        limit = args.naive_until_failure if until_failure else args.iterations
        # An even share of the remaining time per remaining combination.
        share = None
        if deadline is not None:
            share = time.monotonic() + max(0.0, deadline - time.monotonic()) / (len(combos) - index)
        while combo.iterations < limit:
            if share is not None and time.monotonic() > share:
                combo.stopped = "time limit"
                break
            iterate(args, combo, src, build, program, env, rng, files)
            if until_failure and combo.failures:
                combo.stopped = "first failure"
                break
        print(f"stress: {combo.wiring} / {combo.tool}: {combo.iterations} iterations, "
              f"{combo.failures} failures", flush=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print()
    header = (f"{'wiring':<10} {'tool':<6} {'iterations':>10} {'failures':>8} {'build':>5} "
              f"{'torn':>4} {'stray':>5} {'selftest':>8} {'s/iter':>6}  first error")
    print(header)
    print("-" * len(header))
    for c in combos:
        per = c.seconds / c.iterations if c.iterations else 0
        print(f"{c.wiring:<10} {c.tool:<6} {c.iterations:>10} {c.failures:>8} "
              f"{c.build_failed:>5} {c.incomplete:>4} {c.leftover:>5} {c.selftest:>8} "
              f"{per:>6.1f}  {c.first_error or '-'}")
    print()
    for c in combos:
        actions = ", ".join(f"{name} {count}" for name, count in c.actions.items())
        line = f"{c.wiring}/{c.tool}: actions: {actions}"
        if c.by_source:
            line += "; failed compiles by file: " + ", ".join(
                f"{name} {count}" for name, count in sorted(c.by_source.items(),
                                                            key=lambda item: -item[1]))
        if c.stopped:
            line += f"; stopped: {c.stopped}"
        print(line)
    print()

    atomicgen_failures = sum(c.failures for c in combos if c.wiring == "atomicgen")
    naive = [c for c in combos if c.wiring == "naive"]
    naive_failures = sum(c.failures for c in naive)
    verdict = 0
    if atomicgen_failures:
        print(f"stress: FAIL: the atomicgen wiring failed {atomicgen_failures} times")
        verdict = 1
    if naive and naive_failures == 0:
        print("stress: FAIL: the naive control never failed: this run proves nothing about "
              "AtomicGen (widen the window: more --iterations, --chunks, --delay)")
        verdict = 1
    for c in naive:
        if c.failures == 0 and naive_failures:
            print(f"stress: note: the naive control never failed with {c.tool} in this run")
    if verdict == 0:
        shown = f"{naive_failures} naive failures" if naive else "no naive control run"
        print(f"stress: PASS: atomicgen 0 failures in "
              f"{sum(c.iterations for c in combos if c.wiring == 'atomicgen')} iterations; "
              f"{shown}")
    return verdict


if __name__ == "__main__":
    sys.exit(main())
