#!/usr/bin/env python3
"""distcc test: CPython's bpo-42398 race in examples/cpython-like, built through distcc daemons.

It starts --daemons `distccd` daemons of its own on loopback addresses (127.0.0.2, 127.0.0.3, ...)
and free ports, each logging to <work-dir>/distccd-N.log, and always stops them (their whole
process group, also on an error or SIGTERM). Every build compiles with
-DCMAKE_C_COMPILER_LAUNCHER=distcc and DISTCC_HOSTS naming those daemons only (no localhost, so no
compile may run on this machine), DISTCC_FALLBACK=0 and DISTCC_SKIP_LOCAL_RETRY=1 (a compile the
daemons did not run fails instead of running locally), DISTCC_DIR in the work dir. In the atomicgen
wiring with Ninja the module puts its own launcher first: `atomicgen compile --stamps <map> --
distcc cc ...`.

Then, per mode (plain: preprocess here, compile there; pump: distcc-pump's include server ships
the headers and the daemons preprocess too) and per wiring x tool, the iterations of
tests/stress/stress.py (edit a clinic input, clean, touch, or nothing; then one
`<tool> -j24 regen-all all`; check the status, every generated file complete, no helper
leftovers, `python --selftest`). The daemons' logs count the compiles each daemon ran.

Passes when: the atomicgen wiring never failed; the naive control failed at least once per mode
(a cluster does not hide the race); every daemon ran compiles; and in every wiring the daemons
ran at least as many compiles as the builds started, less the ones that failed, so a compile silently run here would be caught (`--distcc-hosts
localhost/24` shows it: the test then fails).

Pump mode is probed first with one compile; when Debian's include server does not work (bookworm:
its C extension fails under Python 3.11, and distcc then preprocesses locally), pump mode is
skipped with the reason printed.

Exit status: 0 pass (also when distcc is not installed: prints "SKIP: ..."), 1 fail, 2 setup error.

    python3 tests/distcc/distcc_test.py --atomicgen-executable <build>/helper/atomicgen \\
      --iterations 6 --naive-until-failure 12          # what distcc.short runs
    python3 tests/distcc/distcc_test.py --atomicgen-executable <build>/helper/atomicgen \\
      --iterations 100 --tools ninja,make              # a long run
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "tests", "stress"))
import stress  # noqa: E402  (the driver of the stress test, reused: same iterations and checks)

# The daemon's summary of every compile it served: "(dcc_job_summary) client: 127.0.0.1:4242
# COMPILE_OK exit:0 ...", COMPILE_ERROR and the like too (a connection that sent no compile, such
# as the readiness check of Daemons.start(), is OTHER).
JOB_SUMMARY = re.compile(r"\(dcc_job_summary\) client: \S+ COMPILE_\w+")
# A compile the build started: "[3/60] Building C object ..." (Ninja), "[ 5%] Building C ..." (Make).
BUILDING_C = re.compile(r"Building C object")
# A compile that failed: "FAILED: CMakeFiles/pycore.dir/Python/ceval.c.o" (Ninja),
# "make[2]: *** [CMakeFiles/pycore.dir/build.make:76: CMakeFiles/pycore.dir/Python/ceval.c.o]
# Error 1" (Make).
FAILED_COMPILE = re.compile(r"^FAILED: \S+\.o\b|\*\*\* \[[^\]]*\.o\] Error", re.M)
PUMP_GAVE_UP = re.compile(r"include server gave up|preprocessing locally", re.I)


def free_port(address):
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


class Daemons:
    """distccd daemons on 127.0.0.2... of their own; stop() ends their process groups."""

    def __init__(self, count, slots, work):
        self.count, self.slots, self.work = count, slots, work
        self.daemons = []  # (address, port, log path, Popen)

    def start(self):
        for index in range(self.count):
            address = f"127.0.0.{2 + index}"
            port = free_port(address)
            log = os.path.join(self.work, f"distccd-{index + 1}.log")
            # Run by root, distccd drops to its own user (distccd, else nobody) before it opens
            # its log: the file must exist and be writable by that user.
            with open(log, "w"):
                pass
            os.chmod(log, 0o666)
            command = ["distccd", "--daemon", "--no-detach", "--listen", address, "--port",
                       str(port), "--allow", "127.0.0.0/8", "--jobs", str(self.slots),
                       "--log-file", log, "--log-level", "info"]
            # start_new_session: the daemon and its preforked children in a group of their own,
            # which stop() ends as a whole.
            process = subprocess.Popen(command, start_new_session=True, stdin=subprocess.DEVNULL)
            self.daemons.append((address, port, log, process))
        deadline = time.monotonic() + 10
        for address, port, log, process in self.daemons:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"distccd on {address}:{port} exited with status "
                                       f"{process.returncode}: {tail(log)}")
                try:
                    socket.create_connection((address, port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"distccd on {address}:{port} does not listen: "
                                           f"{tail(log)}")
                    time.sleep(0.1)

    def hosts(self, options=""):
        return " ".join(f"{a}:{p}/{self.slots}{options}" for a, p, _, _ in self.daemons)

    def jobs(self):
        """Per daemon, the number of jobs its log reports served."""
        counts = []
        for _, _, log, _ in self.daemons:
            with open(log, encoding="utf-8", errors="replace") as f:
                counts.append(sum(1 for line in f if JOB_SUMMARY.search(line)))
        return counts

    def stop(self):
        for _, _, _, process in self.daemons:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for _, _, _, process in self.daemons:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            # The preforked children may outlive the parent for a moment.
            for _ in range(50):
                if not group_alive(process.pid):
                    break
                time.sleep(0.1)
            else:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.daemons = []


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def tail(path, lines=5):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return " | ".join(f.read().splitlines()[-lines:])
    except OSError:
        return "(no log)"


def distcc_environment(args, hosts):
    env = stress.clean_environment()
    env.update(DISTCC_HOSTS=hosts, DISTCC_DIR=os.path.join(args.work_dir, "distcc-dir"),
               DISTCC_FALLBACK="0", DISTCC_SKIP_LOCAL_RETRY="1", DISTCC_IO_TIMEOUT="120")
    for name in ("DISTCC_VERBOSE", "DISTCC_LOG", "DISTCC_POTENTIAL_HOSTS", "INCLUDE_SERVER_PORT",
                 "CCACHE_PREFIX"):
        env.pop(name, None)
    os.makedirs(env["DISTCC_DIR"], exist_ok=True)
    return env


def probe_pump(args, daemons):
    """None when distcc-pump ships headers from its include server here, else why not."""
    if not shutil.which("distcc-pump"):
        return "distcc-pump not installed (Debian package distcc-pump)"
    probe = os.path.join(args.work_dir, "pump-probe")
    os.makedirs(probe, exist_ok=True)
    with open(os.path.join(probe, "probe.h"), "w") as f:
        f.write("#define PROBE 0\n")
    with open(os.path.join(probe, "probe.c"), "w") as f:
        f.write('#include "probe.h"\nint probe(void) { return PROBE; }\n')
    env = distcc_environment(args, daemons.hosts(",cpp,lzo"))
    result = subprocess.run(["distcc-pump", "distcc", "cc", "-c", "probe.c", "-o", "probe.o"],
                            cwd=probe, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace", timeout=120)
    if result.returncode != 0:
        return f"distcc-pump failed (status {result.returncode}): {result.stdout.strip()[-300:]}"
    if PUMP_GAVE_UP.search(result.stdout):
        why = [line.strip() for line in result.stdout.splitlines() if "internal error" in line]
        return ("Debian's include server gives up and distcc preprocesses locally: " +
                (why[0] if why else PUMP_GAVE_UP.search(result.stdout).group(0)))
    return None


class Tally:
    """What one wiring x tool x mode counted beside stress.Combination."""

    def __init__(self):
        self.started = self.failed_compiles = self.pump_gave_up = 0
        self.remote = []


def run_combination(args, mode, combo, daemons, share):
    work = os.path.join(args.work_dir, f"{mode}-{combo.wiring}-{combo.tool}")
    hosts = args.distcc_hosts or daemons.hosts(",cpp,lzo" if mode == "pump" else "")
    env = distcc_environment(args, hosts)
    wrapper = ["distcc-pump"] if mode == "pump" else []
    print(f"distcc: {mode} / {combo.wiring} / {combo.tool}: setting up "
          f"(DISTCC_HOSTS={hosts})", flush=True)
    src, build, program, env = stress.setup(
        args, combo, work, extra_configure=["-DCMAKE_C_COMPILER_LAUNCHER=distcc"], env=env)
    files = stress.generated_files(src)
    rng = stress.random.Random(f"{args.seed}-{mode}-{combo.wiring}-{combo.tool}")
    until_failure = combo.wiring == "naive" and args.naive_until_failure
    limit = args.naive_until_failure if until_failure else args.iterations
    tally = Tally()
    before = daemons.jobs()
    while combo.iterations < limit:
        if share is not None and combo.iterations and time.monotonic() > share:
            combo.stopped = "time limit"
            break
        output = stress.iterate(args, combo, src, build, program, env, rng, files,
                                wrapper=wrapper)
        tally.started += len(BUILDING_C.findall(output))
        tally.failed_compiles += len(FAILED_COMPILE.findall(output))
        if mode == "pump" and PUMP_GAVE_UP.search(output):
            tally.pump_gave_up += 1
        if until_failure and combo.failures:
            combo.stopped = "first failure"
            break
    after = daemons.jobs()
    tally.remote = [a - b for a, b in zip(after, before)]
    print(f"distcc: {mode} / {combo.wiring} / {combo.tool}: {combo.iterations} iterations, "
          f"{combo.failures} failures, {tally.started} compiles started, "
          f"{sum(tally.remote)} ran on the daemons ({', '.join(map(str, tally.remote))})",
          flush=True)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return tally


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.split("\n")[1:]))
    parser.add_argument("--iterations", type=int, default=6,
                        help="iterations of the atomicgen wiring per tool and mode (default 6)")
    parser.add_argument("--naive-until-failure", type=int, default=12, metavar="CAP",
                        help="run the naive wiring until its first failure, at most CAP "
                             "iterations (default 12; 0: --iterations)")
    parser.add_argument("--wirings", default="naive,atomicgen")
    parser.add_argument("--tools", default="ninja", help="ninja,make (default ninja)")
    parser.add_argument("--modes", default="plain,pump", help="plain,pump (default both)")
    parser.add_argument("--daemons", type=int, default=2, help="distccd daemons (default 2)")
    parser.add_argument("--slots", type=int, default=12,
                        help="jobs per daemon, in DISTCC_HOSTS and --jobs (default 12)")
    parser.add_argument("--distcc-hosts",
                        help="DISTCC_HOSTS instead of the daemons' (a negative control: "
                             "localhost/24 must make the test fail)")
    parser.add_argument("--jobs", type=int, default=24, help="-j of every build (default 24)")
    parser.add_argument("--chunks", type=int, default=8)
    parser.add_argument("--delay", type=float, default=0.005)
    parser.add_argument("--seed", type=int, default=42424)
    parser.add_argument("--time-limit", type=float, default=0,
                        help="stop iterating after this many seconds in all (0: no limit)")
    parser.add_argument("--build-timeout", type=float, default=300)
    parser.add_argument("--work-dir", default=os.path.join(REPO, "build", "distcc"))
    parser.add_argument("--atomicgen-root", default=REPO)
    parser.add_argument("--atomicgen-executable")
    parser.add_argument("--cmake", default=shutil.which("cmake") or "cmake")
    parser.add_argument("--ninja", default=shutil.which("ninja") or shutil.which("ninja-build"))
    parser.add_argument("--make", default=shutil.which("make") or shutil.which("gmake"))
    parser.add_argument("--keep", action="store_true", help="keep the scratch directories")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per iteration")
    args = parser.parse_args()

    missing = [p for p in ("distcc", "distccd") if not shutil.which(p)]
    if missing:
        print(f"SKIP: {' and '.join(missing)} not found (Debian package distcc): "
              "the distcc test needs them")
        return 0
    tools = [t for t in args.tools.split(",") if t]
    for tool in tools:
        if tool not in ("ninja", "make") or not getattr(args, tool):
            print(f"distcc: error: tool '{tool}' unknown or not found")
            return 2
    args.deadline = time.monotonic() + args.time_limit if args.time_limit > 0 else None
    args.work_dir = os.path.abspath(args.work_dir)
    shutil.rmtree(args.work_dir, ignore_errors=True)
    os.makedirs(args.work_dir)
    # Run by root, distccd's own user writes its temporary files and logs: let it in.
    os.chmod(args.work_dir, 0o777)

    daemons = Daemons(args.daemons, args.slots, args.work_dir)
    # SIGTERM (ctest's timeout) must also stop the daemons: make it an exception.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    results = []  # (mode, combo, tally)
    skipped = {}
    try:
        daemons.start()
        print(f"distcc: {args.daemons} daemons: {daemons.hosts()}; logs in {args.work_dir}; "
              f"-j{args.jobs}, writes in {args.chunks} pieces {args.delay}s apart", flush=True)
        modes = [m for m in args.modes.split(",") if m]
        if "pump" in modes:
            why = probe_pump(args, daemons)
            if why:
                skipped["pump"] = why
                modes.remove("pump")
                print(f"distcc: pump mode skipped: {why}", flush=True)
        runs = [(mode, wiring, tool) for mode in modes
                for wiring in [w for w in args.wirings.split(",") if w] for tool in tools]
        for index, (mode, wiring, tool) in enumerate(runs):
            # An even share of the remaining time per remaining combination (as stress.py).
            share = None
            if args.deadline is not None:
                share = time.monotonic() + (max(0.0, args.deadline - time.monotonic())
                                            / (len(runs) - index))
            combo = stress.Combination(wiring, tool)
            results.append((mode, combo, run_combination(args, mode, combo, daemons, share)))
        per_daemon = daemons.jobs()
    finally:
        daemons.stop()

    print()
    header = (f"{'mode':<6} {'wiring':<10} {'tool':<6} {'iterations':>10} {'failures':>8} "
              f"{'started':>7} {'remote':>6}  per daemon   first error")
    print(header)
    print("-" * len(header))
    for mode, c, t in results:
        print(f"{mode:<6} {c.wiring:<10} {c.tool:<6} {c.iterations:>10} {c.failures:>8} "
              f"{t.started:>7} {sum(t.remote):>6}  {'/'.join(map(str, t.remote)):<11}  "
              f"{c.first_error or '-'}")
    for mode, why in skipped.items():
        print(f"{mode:<6} skipped: {why}")
    print(f"\ndistcc: jobs in each daemon's log, setup builds included: "
          f"{', '.join(map(str, per_daemon))}")

    verdict = 0
    for mode in sorted({m for m, _, _ in results}):
        rows = [(c, t) for m, c, t in results if m == mode]
        failures = sum(c.failures for c, _ in rows if c.wiring == "atomicgen")
        idle = [c.tool for c, _ in rows if c.wiring == "atomicgen" and not c.iterations]
        if idle:
            print(f"distcc: FAIL: {mode}: the atomicgen wiring ran no iteration with "
                  f"{', '.join(idle)} (time limit): this run proves nothing about it")
            verdict = 1
        if failures:
            print(f"distcc: FAIL: {mode}: the atomicgen wiring failed {failures} times")
            verdict = 1
        naive = [c for c, _ in rows if c.wiring == "naive"]
        if naive and not sum(c.failures for c in naive):
            print(f"distcc: FAIL: {mode}: the naive control never failed: this run proves "
                  "nothing (more --naive-until-failure, --chunks, --delay)")
            verdict = 1
        for c, t in rows:
            # Each compile the build started ran on a daemon, but for those that failed (a
            # failed one may have failed here, in the preprocessor, before any daemon saw it).
            if sum(t.remote) < t.started - t.failed_compiles:
                print(f"distcc: FAIL: {mode} / {c.wiring} / {c.tool}: the build started "
                      f"{t.started} compiles ({t.failed_compiles} failed), the daemons ran "
                      f"{sum(t.remote)}: compiles ran outside the daemons")
                verdict = 1
            if t.pump_gave_up:
                print(f"distcc: FAIL: {mode} / {c.wiring} / {c.tool}: the include server gave "
                      f"up in {t.pump_gave_up} builds (distcc preprocessed locally)")
                verdict = 1
    if any(count == 0 for count in per_daemon):
        print(f"distcc: FAIL: a daemon ran no compile ({', '.join(map(str, per_daemon))})")
        verdict = 1
    if verdict == 0:
        print(f"distcc: PASS: atomicgen 0 failures in "
              f"{sum(c.iterations for _, c, _ in results if c.wiring == 'atomicgen')} "
              f"iterations; naive failed {sum(c.failures for _, c, _ in results if c.wiring == 'naive')}"
              f" times; {sum(per_daemon)} compiles on {len(per_daemon)} daemons")
    return verdict


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, SystemExit) as error:
        if isinstance(error, SystemExit) and (error.code is None or isinstance(error.code, int)):
            raise
        print(f"distcc: error: {error}")
        sys.exit(2)
