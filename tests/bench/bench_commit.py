"""Benchmark 1: the cost of committing one ~10 KiB output, unchanged and changed.

Each alternative gets its own directory holding only its destination and source (so no
alternative pays for another's files), except the "1000 siblings" row, whose directory also holds
1,000 other files (what a generated-header directory looks like; the helper lists the directory to
sweep leftovers of killed runs). Before each timed run the files are rewritten untimed: destination
= old bytes, source = old bytes (unchanged) or old bytes with the last line changed (changed).
"""
import os

import benchlib

SIZE = 10 * 1024


def contents():
    line = "#define GENERATED_VALUE_{:05d} {:08d} /* padding padding padding */\n"
    old = "".join(line.format(i, i * 7) for i in range(SIZE // len(line.format(0, 0)) + 1))
    old = old[:SIZE].encode()
    new = old[:-8] + b"changed\n"
    return old, new


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def run(args, tools, table, targets_out):
    old, new = contents()
    root = os.path.join(args.work_dir, "commit")
    ag = args.atomicgen
    cmake = args.cmake
    python = benchlib.which("python3")
    cmp_ = benchlib.which("cmp")
    mv = benchlib.which("mv")
    ref = tools["minimal_ref"]
    update = tools["update_file.py"]

    # name -> (mode, argv builder(src, dst) or callable), directory
    def argv_alt(make_argv):
        return lambda src, dst: benchlib.spawn(make_argv(src, dst))[1]

    def cmp_then_mv(src, dst):
        code, t1 = benchlib.spawn([cmp_, "-s", src, dst])
        if code == 0:
            return t1
        code2, t2 = benchlib.spawn([mv, "-f", src, dst])
        if code2 != 0:
            raise SystemExit("run_benchmarks: mv failed")
        return t1 + t2

    alternatives = {
        "atomicgen copy-if-different": argv_alt(lambda s, d: [ag, "copy-if-different", s, d]),
        "atomicgen move-if-different": argv_alt(lambda s, d: [ag, "move-if-different", s, d]),
        "minimal reference (copy)": argv_alt(lambda s, d: [ref, "copy", s, d]),
        "minimal reference (move)": argv_alt(lambda s, d: [ref, "move", s, d]),
        "cmake -E copy_if_different": argv_alt(
            lambda s, d: [cmake, "-E", "copy_if_different", s, d]),
        "python3 update_file.py": argv_alt(lambda s, d: [python, update, d, s]),
        "cmp -s + mv (2 spawns)": cmp_then_mv,
        "atomicgen copy-if-different, 1000 siblings": argv_alt(
            lambda s, d: [ag, "copy-if-different", s, d]),
    }
    directories = {}
    for i, name in enumerate(alternatives):
        directory = os.path.join(root, f"alt{i}")
        os.makedirs(directory, exist_ok=True)
        if "siblings" in name:
            for k in range(1000):
                write(os.path.join(directory, f"sibling_{k:04d}.h"), b"/* sibling */\n")
        directories[name] = directory

    results = {}
    for scenario in ("unchanged", "changed"):
        source_bytes = old if scenario == "unchanged" else new

        def timed(name):
            directory = directories[name]
            src = os.path.join(directory, "new.h")
            dst = os.path.join(directory, "out.h")

            def once():
                write(dst, old)
                write(src, source_bytes)
                seconds = alternatives[name](src, dst)
                with open(dst, "rb") as f:
                    got = f.read()
                if got != source_bytes:
                    raise SystemExit(f"run_benchmarks: {name} ({scenario}) left wrong bytes")
                return seconds

            return once

        samples = benchlib.interleave({name: timed(name) for name in alternatives},
                                      args.commit_reps, warmup=3)
        medians = {name: benchlib.median(v) for name, v in samples.items()}
        results[scenario] = medians
        for name, value in medians.items():
            q1, q3 = benchlib.quartiles(samples[name])
            table.row(f"1 commit, {scenario}", name,
                      f"{benchlib.ms(value)} (IQR {benchlib.ms(q1)}–{benchlib.ms(q3)})")

        ag_copy = medians["atomicgen copy-if-different"]
        ag_move = medians["atomicgen move-if-different"]
        ref_copy = medians["minimal reference (copy)"]
        ref_move = medians["minimal reference (move)"]
        table.row(f"1 commit, {scenario}", "ratio atomicgen copy / minimal copy",
                  f"{ag_copy / ref_copy:.2f}×")
        table.row(f"1 commit, {scenario}", "ratio atomicgen move / minimal move",
                  f"{ag_move / ref_move:.2f}×")
        cmake_speedup = medians["cmake -E copy_if_different"] / ag_copy
        python_speedup = medians["python3 update_file.py"] / ag_move
        table.row(f"1 commit, {scenario}", "speed-up vs cmake -E copy_if_different (copy)",
                  f"{cmake_speedup:.1f}×")
        table.row(f"1 commit, {scenario}", "speed-up vs python3 update_file.py (move)",
                  f"{python_speedup:.1f}×")
        table.row(f"1 commit, {scenario}", "speed-up vs cmp -s + mv (move)",
                  f"{medians['cmp -s + mv (2 spawns)'] / ag_move:.1f}×")
        worst = max(ag_copy / ref_copy, ag_move / ref_move)
        table.target(f"1a {scenario}: atomicgen ≤ 1.3× minimal reference (worse of copy, move)",
                     f"{worst:.2f}×", "≤ 1.30×", worst <= 1.3)
        table.target(f"1b {scenario}: ≥ 5× faster than cmake -E copy_if_different",
                     f"{cmake_speedup:.1f}×", "≥ 5×", cmake_speedup >= 5)
        table.target(f"1c {scenario}: ≥ 20× faster than python3 update_file.py",
                     f"{python_speedup:.1f}×", "≥ 20×", python_speedup >= 20)
    targets_out["commit"] = results
