#!/usr/bin/env python3
# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
"""Ninja Multi-Config: generated sources shared between configurations, built by two at once.

The project (project/ here) has one slow generator, project/slow_gen.py, whose two outputs are
read by every object of both configurations: shared.h in the build tree and src-shared.h in the
source tree (a checked-in output).  It writes each output in place in --pieces pieces, sleeping
--delay before each, so a build tree wired naively shows a partial file for about a second.

For each wiring (atomicgen, then the naive control) the driver copies the project into a scratch
directory, configures it with "Ninja Multi-Config" (Debug;Release, CMAKE_CROSS_CONFIGS=all),
builds both configurations one after the other, then runs --iterations rounds of:

    1. value.txt changed (the generator's input): both outputs must change;
    2. a reader thread opens and hashes both outputs in a loop; every read must find one of the
       two complete contents (before, after), never a missing or partial file;
    3. `cmake --build <dir> --config Debug` and `cmake --build <dir> --config Release` started at
       the same moment in the same build tree (two ninja processes: both may run the generator);
    4. checks: both builds succeeded; each configuration's app prints the new value from all
       four of its objects; the reader saw nothing but the two complete contents; no two runs of
       the generator overlapped in time (each records its start and end, MC_RUN_LOG: the
       helper's output locks serialize them).

then one more round building `all:all` (every configuration in one ninja, CMAKE_CROSS_CONFIGS),
with the reader, and two last checks: no helper file (lock, temporary, backup) is left next to the
outputs, and `ninja -n all:all` has no work to do.

The naive control (a plain add_custom_command()) must show the reader at least one partial or
missing file, and two of its generator runs overlapping (else the builds did not run at once), over
its rounds; its build results are printed but not checked.  Exit status: 0 when the atomicgen
wiring passed every check and the control showed both; 1 otherwise; 2 on a setup error.  Each
round prints what it counted.

    python3 tests/multiconfig/multiconfig.py --iterations 50 --atomicgen-executable <helper>
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
PROJECT = os.path.join(HERE, "project")
CONFIGS = ("Debug", "Release")


def log(text):
    print(f"[multiconfig] {text}", flush=True)


def run(command, **kwargs):
    """Run <command>; return (exit status, combined output)."""
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            **kwargs)
    return result.returncode, result.stdout


def expected_content(python, value, scratch):
    """The complete bytes the generator writes for <value> (a direct, fast run)."""
    with open(os.path.join(scratch, "value.txt"), "w", encoding="utf-8") as f:
        f.write(f"{value}\n")
    output = os.path.join(scratch, "expected.h")
    subprocess.run([python, os.path.join(PROJECT, "slow_gen.py"), "--input",
                    os.path.join(scratch, "value.txt"), "--pieces", "1", "--delay", "0", output],
                   check=True)
    with open(output, "rb") as f:
        return f.read()


class Reader(threading.Thread):
    """Opens and hashes <paths> in a loop until stopped; counts what it saw."""

    def __init__(self, paths, allowed):
        super().__init__(daemon=True)
        self.paths = paths
        self.allowed = {hashlib.sha256(content).hexdigest() for content in allowed}
        self.stop = threading.Event()
        self.reads = 0
        self.missing = 0
        self.torn = 0
        self.first_bad = None

    def run(self):
        while not self.stop.is_set():
            for path in self.paths:
                try:
                    with open(path, "rb") as f:
                        data = f.read()
                except FileNotFoundError:
                    self.missing += 1
                    self.first_bad = self.first_bad or f"{path}: missing"
                    continue
                self.reads += 1
                if hashlib.sha256(data).hexdigest() not in self.allowed:
                    self.torn += 1
                    self.first_bad = (self.first_bad
                                      or f"{path}: {len(data)} bytes, not a complete content")
            time.sleep(0.001)


def app_values(build, config):
    """What the <config> app prints (the value each of its four objects was compiled with)."""
    status, out = run([os.path.join(build, config, "app")])
    return out.split() if status == 0 else [f"exit {status}: {out.strip()}"]


def overlapping_runs(run_log):
    """How many pairs of the generator runs recorded in <run_log> overlapped in time."""
    with open(run_log, encoding="utf-8") as f:
        runs = [tuple(map(float, line.split())) for line in f if line.strip()]
    return sum(1 for i, (start, end) in enumerate(runs) for other_start, other_end in runs[i + 1:]
               if start < other_end and other_start < end)


def round_with_reader(args, src, build, value, previous, contents, commands, run_log):
    """One round: set <value>, run <commands> at once with the reader; return a dict of counts."""
    open(run_log, "w", encoding="utf-8").close()
    with open(os.path.join(src, "value.txt"), "w", encoding="utf-8") as f:
        f.write(f"{value}\n")
    reader = Reader([os.path.join(build, "shared.h"), os.path.join(src, "src-shared.h")],
                    [contents[previous], contents[value]])
    reader.start()
    started = time.monotonic()
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True) for command in commands]
    outputs = [process.communicate()[0] for process in processes]
    seconds = time.monotonic() - started
    reader.stop.set()
    reader.join()
    return {
        "statuses": [process.returncode for process in processes],
        "outputs": outputs,
        "generator_runs": sum(out.count("Generating shared.h") for out in outputs),
        "overlaps": overlapping_runs(run_log),
        # The two ninja processes share .ninja_log and .ninja_deps (ninja does not lock them):
        # counted, for the record, when ninja says it found either damaged.
        "log_warnings": sum(out.count("recovering") + out.count("premature end")
                            for out in outputs),
        "seconds": seconds,
        "reads": reader.reads, "missing": reader.missing, "torn": reader.torn,
        "first_bad": reader.first_bad,
    }


def check_wiring(args, wiring, contents):
    """Configure and build the project in <wiring>; return (failures, torn reads seen)."""
    work = os.path.join(args.work_dir, wiring)
    src = os.path.join(work, "src")
    build = os.path.join(work, "build")
    run_log = os.path.join(work, "generator-runs.log")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(PROJECT, src)
    status, out = run([args.cmake, "-S", src, "-B", build, "-G", "Ninja Multi-Config",
                       f"-DCMAKE_MAKE_PROGRAM={args.ninja}", f"-DPython3_EXECUTABLE={args.python}",
                       "-DCMAKE_CONFIGURATION_TYPES=Debug;Release", "-DCMAKE_CROSS_CONFIGS=all",
                       f"-DMC_WIRING={wiring}", f"-DMC_RUN_LOG={run_log}",
                       f"-DATOMICGEN_ROOT={args.atomicgen_root}",
                       f"-DATOMICGEN_EXECUTABLE={args.atomicgen_executable}"])
    if status != 0:
        log(f"SETUP ERROR: configuring the {wiring} wiring failed:\n{out}")
        sys.exit(2)
    for config in CONFIGS:
        status, out = run([args.cmake, "--build", build, "--config", config])
        if status != 0:
            log(f"SETUP ERROR: the first {config} build of the {wiring} wiring failed:\n{out}")
            sys.exit(2)

    failures = []
    torn = 0
    overlaps = 0
    value = 1
    rounds = [("Debug+Release", [[args.cmake, "--build", build, "--config", config]
                                 for config in CONFIGS])] * args.iterations
    rounds.append(("all:all", [[args.ninja, "-C", build, "all:all"]]))
    for number, (name, commands) in enumerate(rounds, 1):
        previous, value = value, value + 1
        counts = round_with_reader(args, src, build, value, previous, contents, commands, run_log)
        torn += counts["torn"] + counts["missing"]
        overlaps += counts["overlaps"]
        values = {config: app_values(build, config) for config in CONFIGS}
        log(f"{wiring} round {number} ({name}): builds exited {counts['statuses']}, "
            f"generator ran {counts['generator_runs']} time(s) ({counts['overlaps']} overlapping), "
            f"{counts['seconds']:.1f} s, "
            f"{counts['log_warnings']} ninja log warning(s); reader: "
            f"{counts['reads']} reads, {counts['torn']} partial, {counts['missing']} missing; "
            f"apps print " + ", ".join(f"{c}: {' '.join(v)}" for c, v in values.items()))
        if counts["first_bad"]:
            log(f"{wiring} round {number}: first bad read: {counts['first_bad']}")
        if wiring != "atomicgen":
            continue
        problems = []
        if any(counts["statuses"]):
            problems.append("a build failed:\n" + "\n".join(counts["outputs"]))
        if counts["torn"] or counts["missing"]:
            problems.append(f"the reader saw a partial or missing output ({counts['first_bad']})")
        for config, printed in values.items():
            if printed != [str(value)] * 4:
                problems.append(f"the {config} app prints {printed}, expected {value} four times")
        if counts["generator_runs"] < 1:
            problems.append("the generator did not run")
        if counts["overlaps"]:
            problems.append(f"{counts['overlaps']} pair(s) of generator runs overlapped")
        for problem in problems:
            failures.append(f"round {number} ({name}): {problem}")
            log(f"FAILED: {wiring} round {number} ({name}): {problem}")

    if wiring == "atomicgen":
        leftovers = [name for directory in (src, build) for name in os.listdir(directory)
                     if ".atomicgen-" in name]
        if leftovers:
            failures.append(f"helper files left next to the outputs: {leftovers}")
            log(f"FAILED: {wiring}: helper files left next to the outputs: {leftovers}")
        else:
            log(f"{wiring}: no helper file (lock, temporary, backup) left next to the outputs")
        status, out = run([args.ninja, "-C", build, "-n", "all:all"])
        if status != 0 or "no work to do" not in out:
            failures.append(f"`ninja -n all:all` after the rounds is not a no-op:\n{out}")
            log(f"FAILED: {wiring}: `ninja -n all:all` is not a no-op:\n{out}")
        else:
            log(f"{wiring}: `ninja -n all:all` after the rounds: no work to do")
    return failures, torn, overlaps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2,
                        help="rounds of concurrent Debug and Release builds per wiring")
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--atomicgen-root", default=REPO)
    parser.add_argument("--atomicgen-executable", required=True)
    parser.add_argument("--cmake", default="cmake")
    parser.add_argument("--ninja", default="ninja")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--no-control", action="store_true", help="skip the naive control")
    args = parser.parse_args()
    for tool in (args.cmake, args.ninja):
        if not shutil.which(tool):
            log(f"SETUP ERROR: {tool} not found")
            return 2

    os.makedirs(args.work_dir, exist_ok=True)
    scratch = os.path.join(args.work_dir, "expected")
    os.makedirs(scratch, exist_ok=True)
    contents = {value: expected_content(args.python, value, scratch)
                for value in range(1, args.iterations + 3)}

    failures, torn, overlaps = check_wiring(args, "atomicgen", contents)
    control_torn = None
    control_overlaps = None
    if not args.no_control:
        _, control_torn, control_overlaps = check_wiring(args, "naive", contents)

    log(f"atomicgen: {args.iterations} concurrent Debug+Release rounds and one all:all round, "
        f"{len(failures)} failure(s), {torn} partial or missing read(s), {overlaps} overlapping "
        f"generator runs")
    if control_torn is not None:
        log(f"naive control: {control_torn} partial or missing read(s), {control_overlaps} "
            f"overlapping generator runs over the same rounds")
    if failures:
        log("FAILED")
        return 1
    if control_torn == 0:
        log("FAILED: the naive control never showed the reader a partial or missing file: "
            "the reader proves nothing")
        return 1
    if control_overlaps == 0:
        log("FAILED: the naive control's generator runs never overlapped: the two builds did not "
            "run at once, so the atomicgen wiring's rounds prove nothing about concurrency")
        return 1
    log("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
