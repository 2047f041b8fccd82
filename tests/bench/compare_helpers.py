#!/usr/bin/env python3
"""Benchmarks 1 (changed content) and 2 with two helpers side by side, for before/after figures,
and a run committing two changed outputs together (the commit journal's path).

run_benchmarks.py measures one helper; on a shared machine two such runs minutes apart see
different loads and cannot be compared. This runs both helpers and the references of benchmarks
1 and 2 interleaved in one loop (A, B, ref, direct, A, B, ...), with benchlib's spawner, and
reports per alternative the median wall time and the median CPU time (user + system of the
process and the children it waited for, from wait4()). CPU time is much less sensitive to load
than wall time, which on 2 busy cores is mostly waiting for a core.

    python3 tests/bench/compare_helpers.py --before <old atomicgen> --after <new atomicgen> [--reps 300]
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
import bench_commit  # noqa: E402


def spawn(argv, cwd=None, stdout=None):
    """benchlib.spawn_cpu() that must succeed: (seconds, CPU seconds)."""
    code, seconds, cpu = benchlib.spawn_cpu(argv, cwd=cwd, stdout=stdout)
    if code != 0:
        raise SystemExit(f"compare_helpers: failed: {argv}")
    return seconds, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the helper before the change")
    parser.add_argument("--after", required=True, help="the helper after the change")
    parser.add_argument("--reps", type=int, default=300)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="agcompare-")
    try:
        tools = benchlib.compile_tools(work)
        old, new = bench_commit.contents()
        cpu = {}
        alternatives = {}

        def add(name, run):
            cpu[name] = []

            def once():
                wall, seconds = run()
                cpu[name].append(seconds)
                return wall

            alternatives[name] = once

        def commit(argv_of):
            directory = tempfile.mkdtemp(dir=work)
            src, dst = os.path.join(directory, "new.h"), os.path.join(directory, "out.h")

            def run():
                bench_commit.write(dst, old)
                bench_commit.write(src, new)
                return spawn(argv_of(src, dst))

            return run

        def wrap(argv, stdout=False):
            directory = tempfile.mkdtemp(dir=work)
            return lambda: spawn(argv, cwd=directory,
                                 stdout=os.path.join(directory, "out.h") if stdout else None)

        def wrap_absolute(helper):
            # The output named absolutely: an isolated run where the kernel allows it.
            directory = tempfile.mkdtemp(dir=work)
            out = os.path.join(directory, "out.h")
            return lambda: spawn([helper, "run", "--output", out, "--", gen, "-o", out],
                                 cwd=directory)

        def pair(helper):
            # Two outputs that change on every run: backups, the journal and its removal.
            directory = tempfile.mkdtemp(dir=work)
            runs = [0]

            def run():
                runs[0] += 1
                for name in ("in_a", "in_b"):
                    bench_commit.write(os.path.join(directory, name), old if runs[0] % 2 else new)
                return spawn([helper, "run", "--output", "a.h", "--output", "b.h", "--",
                              "/bin/sh", "-c", "cp in_a a.h && cp in_b b.h"], cwd=directory)

            return run

        ref, gen = tools["minimal_ref"], tools["tiny_gen"]
        helpers = {"before": args.before, "after": args.after}
        for mode in ("copy", "move"):
            add(f"1 changed: minimal reference ({mode})",
                commit(lambda s, d, m=mode: [ref, m, s, d]))
            for label, helper in helpers.items():
                add(f"1 changed: {label} {mode}-if-different",
                    commit(lambda s, d, h=helper, m=mode: [h, f"{m}-if-different", s, d]))
        add("2: direct, stdout redirected", wrap([gen], stdout=True))
        add("2: direct, -o file", wrap([gen, "-o", "out.h"]))
        for label, helper in helpers.items():
            add(f"2: {label} run --stdout", wrap([helper, "run", "--stdout", "out.h", "--", gen]))
            add(f"2: {label} run --output", wrap([helper, "run", "--output", "out.h", "--", gen,
                                                  "-o", "out.h"]))
            add(f"2: {label} run --output, absolute (isolated)", wrap_absolute(helper))
        for label, helper in helpers.items():
            add(f"3: {label} run, two changed outputs", pair(helper))
        load_start = os.getloadavg()
        samples = benchlib.interleave(alternatives, args.reps, warmup=3)
        load_end = os.getloadavg()
        wall = {name: statistics.median(values) for name, values in samples.items()}
        busy = {name: statistics.median(values[3:]) for name, values in cpu.items()}
        print(f"- reps: {args.reps}; load average at start: "
              f"{' '.join(f'{x:.2f}' for x in load_start)}, at end: "
              f"{' '.join(f'{x:.2f}' for x in load_end)}")
        print(f"- before: {args.before}; after: {args.after}\n")
        print("| measurement | wall (median) | CPU (median) |\n|---|---|---|")
        for name in alternatives:
            print(f"| {name} | {benchlib.ms(wall[name])} | {benchlib.ms(busy[name])} |")
        print("\n| derived | before: wall | after: wall | before: CPU | after: CPU |")
        print("|---|---|---|---|---|")
        for what, key, ref_key in (
                ("1a copy / minimal copy", "1 changed: {} copy-if-different",
                 "1 changed: minimal reference (copy)"),
                ("1a move / minimal move", "1 changed: {} move-if-different",
                 "1 changed: minimal reference (move)")):
            print(f"| {what} | " + " | ".join(
                f"{table[key.format(label)] / table[ref_key]:.2f}×"
                for table in (wall, busy) for label in helpers) + " |")
        print("| 1b cmake -E copy_if_different: not run here (see run_benchmarks.py) | | | | |")
        for what, key, direct in (("2a run --stdout adds", "2: {} run --stdout",
                                   "2: direct, stdout redirected"),
                                  ("2b run --output adds", "2: {} run --output",
                                   "2: direct, -o file")):
            print(f"| {what} | " + " | ".join(
                f"{benchlib.ms(table[key.format(label)] - table[direct])}"
                for table in (wall, busy) for label in helpers) + " |")
        pair_key = "3: {} run, two changed outputs"
        print("| 3 two changed outputs, after / before | "
              f"{wall[pair_key.format('after')] / wall[pair_key.format('before')]:.2f}× | | "
              f"{busy[pair_key.format('after')] / busy[pair_key.format('before')]:.2f}× | |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
