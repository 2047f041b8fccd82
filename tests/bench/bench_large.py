"""Benchmark 3: comparing a large unchanged output.

Two identical files (1 GiB each by default, --large-mib), page cache warm (both read once before the
first timed run); `atomicgen copy-if-different a b` (identical: nothing is written) against
`cmp a b` on the same files, interleaved. Throughput = bytes compared / time. Needs twice the size
free in the work directory; the files are deleted afterwards.
"""
import os
import shutil

import benchlib


def run(args, tools, table, results):
    size = args.large_mib * 1024 * 1024
    root = os.path.join(args.work_dir, "large")
    os.makedirs(root, exist_ok=True)
    free = shutil.disk_usage(root).free
    if free < 2 * size + 512 * 1024 * 1024:
        table.row("3 large", "skipped", f"needs {2 * size >> 20} MiB free, {free >> 20} MiB free")
        return
    a = os.path.join(root, "a.bin")
    b = os.path.join(root, "b.bin")
    block = os.urandom(1024 * 1024)
    try:
        for path in (a, b):
            with open(path, "wb") as f:
                for _ in range(size // len(block)):
                    f.write(block)
        cmp_ = benchlib.which("cmp")
        ag = args.atomicgen
        for path in (a, b):  # warm the page cache
            benchlib.check([cmp_, path, path])
        before = os.stat(b)

        def alt(argv):
            def once():
                code, seconds = benchlib.spawn(argv, cwd=root)
                if code != 0:
                    raise SystemExit(f"run_benchmarks: {argv} failed with {code}")
                return seconds
            return once

        samples = benchlib.interleave({
            f"atomicgen copy-if-different ({args.large_mib} MiB, identical)":
                alt([ag, "copy-if-different", a, b]),
            f"cmp ({args.large_mib} MiB, identical)": alt([cmp_, a, b]),
        }, args.large_reps, warmup=1)
        after = os.stat(b)
        if (after.st_ino, after.st_mtime_ns) != (before.st_ino, before.st_mtime_ns):
            raise SystemExit("run_benchmarks: copy-if-different touched an identical destination")
        medians = {name: benchlib.median(v) for name, v in samples.items()}
        names = list(medians)
        for name in names:
            gib_s = 2 * size / medians[name] / 2**30
            table.row("3 large", name, f"{benchlib.ms(medians[name])} ({gib_s:.2f} GiB/s read)")
        ratio = medians[names[1]] / medians[names[0]]
        table.row("3 large", "throughput atomicgen / cmp", f"{ratio * 100:.0f} %")
        table.target("3 unchanged large output: throughput ≥ 80 % of cmp", f"{ratio * 100:.0f} %",
                     "≥ 80 %", ratio >= 0.8)
        results["large"] = medians
    finally:
        for path in (a, b):
            if os.path.exists(path):
                os.remove(path)
