"""Benchmark 2: what wrapping a trivial generator in `atomicgen run` adds.

tiny_gen (a C program writing a ~60-byte header) run directly, and through `atomicgen run --stdout`
and `atomicgen run --output`, interleaved. Each runs in its own small working directory, as a
custom command would in a small binary directory. Its output has the same bytes every time, so
the helper takes its usual "unchanged" path (the common case of a regeneration). The "1000
siblings" rows run the --output form in a working directory that holds 1,000 other files, the
layout of a generated-header directory. The helper stages in overlays (isolated staging, Linux);
the "mirror" rows turn that off (ATOMICGEN_ISOLATION=off), as where the kernel refuses it: the
staging directory then mirrors every entry of the working directory with a symlink (see the
helper's README). A relative name is mirrored by default; the "isolated" row sets
ATOMICGEN_ISOLATION=always.
"""
import os

import benchlib


def run(args, tools, table, results):
    ag = args.atomicgen
    gen = tools["tiny_gen"]
    root = os.path.join(args.work_dir, "wrap")

    def directory(name, siblings=0):
        path = os.path.join(root, name)
        os.makedirs(path, exist_ok=True)
        for k in range(siblings):
            with open(os.path.join(path, f"sibling_{k:04d}.h"), "wb") as f:
                f.write(b"/* sibling */\n")
        return path

    dirs = {
        "direct, stdout redirected": directory("d1"),
        "direct, -o file": directory("d2"),
        "atomicgen run --stdout": directory("a1"),
        "atomicgen run --output (relative)": directory("a2"),
        "atomicgen run --output (absolute)": directory("a3"),
        "direct, -o file, 1000 siblings": directory("d4", 1000),
        "atomicgen run --output (relative), 1000 siblings": directory("a4", 1000),
        "atomicgen run --output (absolute), 1000 siblings": directory("a5", 1000),
        "atomicgen run --output (relative, mirror)": directory("m1"),
        "atomicgen run --output (relative, mirror), 1000 siblings": directory("m2", 1000),
        "atomicgen run --output (relative, isolated), 1000 siblings": directory("i1", 1000),
    }
    isolated_env = dict(os.environ, ATOMICGEN_ISOLATION="always")
    mirror_env = dict(os.environ, ATOMICGEN_ISOLATION="off")

    def argv_for(name, cwd):
        out_abs = os.path.join(cwd, "out.h")
        if name.startswith("direct, stdout"):
            return [gen], out_abs
        if name.startswith("direct, -o"):
            return [gen, "-o", "out.h"], None
        if name == "atomicgen run --stdout":
            return [ag, "run", "--stdout", "out.h", "--", gen], None
        if "(relative" in name:
            return [ag, "run", "--output", "out.h", "--", gen, "-o", "out.h"], None
        return [ag, "run", "--output", out_abs, "--", gen, "-o", out_abs], None

    def timed(name):
        cwd = dirs[name]
        argv, stdout = argv_for(name, cwd)

        def once():
            env = mirror_env if "mirror" in name else isolated_env if "isolated" in name else None
            code, seconds = benchlib.spawn(argv, cwd=cwd, stdout=stdout, env=env)
            if code != 0:
                raise SystemExit(f"run_benchmarks: {name} failed with {code}: {argv}")
            return seconds

        return once

    samples = benchlib.interleave({name: timed(name) for name in dirs}, args.wrap_reps, warmup=3)
    medians = {name: benchlib.median(v) for name, v in samples.items()}
    for name, value in medians.items():
        q1, q3 = benchlib.quartiles(samples[name])
        table.row("2 wrapping", name,
                  f"{benchlib.ms(value)} (IQR {benchlib.ms(q1)}–{benchlib.ms(q3)})")
    extra_stdout = medians["atomicgen run --stdout"] - medians["direct, stdout redirected"]
    extra_output = medians["atomicgen run --output (relative)"] - medians["direct, -o file"]
    extra_abs = medians["atomicgen run --output (absolute)"] - medians["direct, -o file"]
    extra_sib = (medians["atomicgen run --output (relative), 1000 siblings"]
                 - medians["direct, -o file, 1000 siblings"])
    extra_sib_abs = (medians["atomicgen run --output (absolute), 1000 siblings"]
                     - medians["direct, -o file, 1000 siblings"])
    extra_mirror = medians["atomicgen run --output (relative, mirror)"] - medians["direct, -o file"]
    extra_sib_mirror = (medians["atomicgen run --output (relative, mirror), 1000 siblings"]
                        - medians["direct, -o file, 1000 siblings"])
    table.row("2 wrapping", "extra: --stdout", benchlib.ms(extra_stdout))
    table.row("2 wrapping", "extra: --output (relative)", benchlib.ms(extra_output))
    table.row("2 wrapping", "extra: --output (absolute)", benchlib.ms(extra_abs))
    table.row("2 wrapping", "extra: --output (relative), 1000 siblings", benchlib.ms(extra_sib))
    table.row("2 wrapping", "extra: --output (absolute), 1000 siblings",
              benchlib.ms(extra_sib_abs))
    table.row("2 wrapping", "extra: --output (relative, mirror)", benchlib.ms(extra_mirror))
    table.row("2 wrapping", "extra: --output (relative, mirror), 1000 siblings",
              benchlib.ms(extra_sib_mirror))
    table.target("2a run --stdout adds ≤ 1 ms", benchlib.ms(extra_stdout), "≤ 1 ms",
                 extra_stdout <= 1e-3)
    table.target("2b run --output adds ≤ 1 ms (relative name, small directory)",
                 benchlib.ms(extra_output), "≤ 1 ms", extra_output <= 1e-3)
    extra_sib_isolated = (medians["atomicgen run --output (relative, isolated), 1000 siblings"]
                          - medians["direct, -o file, 1000 siblings"])
    table.row("2 wrapping", "extra: --output (relative, isolated), 1000 siblings",
              benchlib.ms(extra_sib_isolated))
    table.target("2c run --output adds ≤ 1 ms (relative name, 1000 siblings; informative)",
                 benchlib.ms(extra_sib), "≤ 1 ms", extra_sib <= 1e-3)
    isolated_ratio = (medians["atomicgen run --output (relative, isolated), 1000 siblings"]
                      / medians["atomicgen run --output (absolute)"])
    table.target("2d ATOMICGEN_ISOLATION=always: 1000 siblings cost no more than a small directory "
                 "(isolated run, 1000 siblings / small directory)", f"{isolated_ratio:.2f}×",
                 "≤ 1.10×", isolated_ratio <= 1.10)
    results["wrap"] = medians
