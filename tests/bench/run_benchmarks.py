#!/usr/bin/env python3
"""AtomicGen's benchmarks: runs them all and prints one table of medians, ratios and PASS/MISS per
target (see tests/bench/README.md).

    python3 tests/bench/run_benchmarks.py --atomicgen <release build>/helper/atomicgen [--quick]

Alternatives are always interleaved (A, B, C, A, B, C, ...) and started by the same spawner, so
machine noise hits all alike; the table reports medians and ratios. The exit status is 0 whether
targets pass or miss (this is a measurement, not a test) and non-zero only if a benchmark could not
run.
"""
import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_commit  # noqa: E402
import bench_graph  # noqa: E402
import bench_large  # noqa: E402
import bench_wrap  # noqa: E402
import benchlib  # noqa: E402

BENCHMARKS = {"commit": bench_commit, "wrap": bench_wrap, "large": bench_large,
              "graph": bench_graph}


def machine(args):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass

    def first_line(argv):
        try:
            out = subprocess.run(argv, capture_output=True, text=True).stdout
            return out.splitlines()[0] if out else "?"
        except OSError:
            return "?"

    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    lines = [
        f"- command: `{' '.join(['python3', 'tests/bench/run_benchmarks.py'] + sys.argv[1:])}`",
        f"- date: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}",
        f"- nproc: {os.cpu_count()}; CPU: {cpu}; kernel: {platform.release()}",
        f"- load average at start: {load}",
        f"- helper: {args.atomicgen} ({first_line([args.atomicgen, '--version'])})",
        f"- compiler: {first_line(['cc', '--version'])}; {first_line([args.cmake, '--version'])}; "
        f"ninja {first_line([args.ninja, '--version']) if args.ninja else 'absent'}; "
        f"{first_line([args.make, '--version']) if args.make else 'make absent'}; "
        f"Python {platform.python_version()}",
    ]
    rev = first_line(["git", "-C", args.atomicgen_root, "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", args.atomicgen_root, "status", "--porcelain", "--",
                            "helper", "cmake"], capture_output=True, text=True).stdout.strip()
    lines.append(f"- AtomicGen commit: {rev}"
                 f"{' (helper/ or cmake/ modified in the working tree)' if dirty else ''}")
    build_type = "?"
    cache = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.atomicgen))),
                         "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as f:
            for line in f:
                if line.startswith("CMAKE_BUILD_TYPE:"):
                    build_type = line.split("=", 1)[1].strip() or "(empty)"
    lines.append(f"- helper build type (from its CMakeCache.txt): {build_type}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atomicgen", required=True, help="the helper to measure (Release build)")
    parser.add_argument("--atomicgen-root",
                        default=os.path.dirname(os.path.dirname(os.path.dirname(
                            os.path.abspath(__file__)))),
                        help="the AtomicGen repository (for cmake/AtomicGen.cmake)")
    parser.add_argument("--cmake", default=shutil.which("cmake"))
    parser.add_argument("--ninja", default=shutil.which("ninja") or shutil.which("ninja-build"))
    parser.add_argument("--make", default=shutil.which("make"))
    parser.add_argument("--no-make", action="store_true", help="skip the Unix Makefiles graph")
    parser.add_argument("--quick", action="store_true",
                        help="few repetitions, 64 MiB large file, 100 headers (smoke run)")
    parser.add_argument("--only", default=",".join(BENCHMARKS),
                        help="comma-separated subset of " + ",".join(BENCHMARKS))
    parser.add_argument("--work-dir", help="scratch directory (default: a new one under /tmp, "
                        "removed afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    parser.add_argument("--output", help="also write the table (Markdown) to this file")
    parser.add_argument("--verbose", action="store_true", help="progress lines")
    for name, full, quick, what in (
            ("commit-reps", 200, 10, "repetitions per alternative, benchmark 1"),
            ("wrap-reps", 200, 10, "repetitions per alternative, benchmark 2"),
            ("large-reps", 5, 2, "repetitions per alternative, benchmark 3"),
            ("large-mib", 1024, 64, "size of each large file in MiB"),
            ("graph-n", 1000, 100, "generated headers (and consumers) in benchmark 4"),
            ("configure-reps", 3, 1, "configure repetitions per wiring"),
            ("noop-reps", 10, 3, "no-op Ninja build repetitions per wiring"),
            ("make-noop-reps", 3, 2, "no-op Make build repetitions per wiring"),
            ("regen-reps", 2, 1, "regeneration repetitions per wiring")):
        parser.add_argument(f"--{name}", type=int, help=f"{what} (default {full}; --quick {quick})")
    for tool in ("ninja", "make"):
        parser.add_argument(f"--{tool}-wirings",
                            help=f"benchmark 4 wirings built with {tool} (default "
                            "plain,plain-targets,atomicgen,atomicgen-targets; --quick adds "
                            "atomicgen-relative, whose "
                            "staging mirror makes N=1000 take tens of minutes)")
    args = parser.parse_args()
    defaults = {"commit_reps": (200, 10), "wrap_reps": (200, 10), "large_reps": (5, 2),
                "large_mib": (1024, 64), "graph_n": (1000, 100), "configure_reps": (3, 1),
                "noop_reps": (10, 3), "make_noop_reps": (3, 2), "regen_reps": (2, 1),
                "ninja_wirings": ("plain,plain-targets,atomicgen,atomicgen-targets",
                                  "plain,plain-targets,atomicgen,atomicgen-targets,"
                                  "atomicgen-relative"),
                "make_wirings": ("plain,plain-targets,atomicgen,atomicgen-targets",
                                 "plain,plain-targets,atomicgen,atomicgen-targets,"
                                 "atomicgen-relative")}
    for key, (full, quick) in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, quick if args.quick else full)
    args.atomicgen = os.path.abspath(args.atomicgen)
    if not os.access(args.atomicgen, os.X_OK):
        parser.error(f"--atomicgen {args.atomicgen} is not an executable")
    if not args.cmake:
        parser.error("cmake not found (--cmake)")
    args.cmake = os.path.realpath(args.cmake)
    for tool in ("ninja", "make"):
        if getattr(args, tool):
            setattr(args, tool, os.path.realpath(getattr(args, tool)))
    selected = [s for s in args.only.split(",") if s]
    for s in selected:
        if s not in BENCHMARKS:
            parser.error(f"--only: unknown benchmark {s!r}")

    made_work_dir = args.work_dir is None
    args.work_dir = os.path.abspath(args.work_dir or tempfile.mkdtemp(prefix="atomicgen-bench-"))
    os.makedirs(args.work_dir, exist_ok=True)
    header = machine(args)
    print(header, flush=True)
    table = benchlib.Table()
    results = {}
    try:
        tools = benchlib.compile_tools(args.work_dir)
        for name in selected:
            if args.verbose:
                print(f"run_benchmarks: {name} ...", flush=True)
            started = time.monotonic()
            rows_before = len(table.rows)
            BENCHMARKS[name].run(args, tools, table, results)
            if len(table.rows) == rows_before:
                raise SystemExit(f"run_benchmarks: benchmark {name} reported nothing")
            if args.verbose:
                print(f"run_benchmarks: {name} took {time.monotonic() - started:.0f} s",
                      flush=True)
    finally:
        if made_work_dir and not args.keep:
            shutil.rmtree(args.work_dir, ignore_errors=True)
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    rendered = table.render()
    print()
    print(rendered)
    print(f"\nload average at end: {load}")
    if args.output:
        with open(args.output, "w") as f:
            f.write(header + f"\n- load average at end: {load}\n\n" + rendered + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
