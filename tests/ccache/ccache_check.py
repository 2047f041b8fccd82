#!/usr/bin/env python3
# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
"""ccache behind AtomicGen: examples/cpython-like built with CMAKE_C_COMPILER_LAUNCHER=ccache.

With Ninja the module compiles every reader of a source-tree output through `atomicgen compile
--stamps <map> -- ccache <compiler> ...` (the helper's launcher before ccache); with Make, ccache
alone.  For each build tool the driver copies the example into a scratch directory, gives ccache a
private cache there (CCACHE_DIR), and checks, reading `ccache --print-stats` (zeroed before each
step) and the build's own log (one "Building C object <object>" line per compile):

    1. first build: every object compiled, every one a cache miss;
    2. second clean build (`clean`, then the build again, in the same directory): every object
       compiled, every one a cache hit, no miss;
    3. identical regeneration: an input of each of the four generators touched (its bytes
       unchanged), so each generator runs again and writes identical bytes: no object compiled,
       ccache not called at all (no hit, no miss);
    4. a changed output: Lib/opcode.py gains an opcode, so Include/opcode.h changes: exactly the
       objects whose dependency information (before the build) names Include/opcode.h are
       compiled, ccache called for each of them (a miss, or a hit in its preprocessor mode when
       the object's preprocessed text did not change: the new #define unused) and for no other
       object, at least one miss; then a no-op build compiles nothing.

Exit status: 0 when every check passed, 1 otherwise, 2 on a setup error.  Prints what it counted.

    python3 tests/ccache/ccache_check.py --work-dir /tmp/ccache-check \
      --atomicgen-executable <build>/helper/atomicgen [--tools ninja,make] [--rounds 3]

--rounds repeats steps 2 to 4 (each round adds one more opcode); the test runs one round.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLE = os.path.join(REPO, "examples", "cpython-like")
COMPILE_LINE = re.compile(r"Building C object (\S+\.o)$", re.M)
# One input of each generator (read by it, compiled by nothing).
GENERATOR_INPUTS = ["Lib/opcode.py", "Parser/Python.asdl", "Tools/clinic/clinic.py",
                    "Lib/__hello__.py"]
GENERATOR_LINE = re.compile(r"(Generating|Regenerating) [^\n]*\(atomicgen\)")


def log(text):
    print(f"[ccache] {text}", flush=True)


class Failure(Exception):
    pass


class Tool:
    """One build tool's scratch copy of the example, its build tree and its private cache."""

    def __init__(self, args, name):
        self.args = args
        self.name = name
        self.work = os.path.join(args.work_dir, name)
        self.src = os.path.join(self.work, "src")
        self.build = os.path.join(self.work, "build")
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith("CCACHE_") and k not in ("MAKEFLAGS", "CMAKE_GENERATOR")}
        self.env["CCACHE_DIR"] = os.path.join(self.work, "ccache")
        # A configuration file of its own, not the user's (settings such as disable = true).
        self.env["CCACHE_CONFIGPATH"] = os.path.join(self.work, "ccache.conf")

    def run(self, command, check=True):
        result = subprocess.run(command, env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        if check and result.returncode != 0:
            shown = " ".join(command)
            raise Failure(f"`{shown}` exited with {result.returncode}:\n{result.stdout}")
        return result.stdout

    def setup(self):
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.copytree(EXAMPLE, self.src)
        with open(self.env["CCACHE_CONFIGPATH"], "w", encoding="utf-8") as f:
            f.write("max_size = 1G\n")
        generator = "Ninja" if self.name == "ninja" else "Unix Makefiles"
        program = self.args.ninja if self.name == "ninja" else self.args.make
        self.run([self.args.cmake, "-S", self.src, "-B", self.build, "-G", generator,
                  f"-DCMAKE_MAKE_PROGRAM={program}",
                  f"-DCMAKE_C_COMPILER_LAUNCHER={self.args.ccache}",
                  f"-DPython3_EXECUTABLE={self.args.python}",
                  f"-DATOMICGEN_EXECUTABLE={self.args.atomicgen_executable}",
                  f"-DCPYTHON_LIKE_ATOMICGEN_ROOT={self.args.atomicgen_root}"])

    def build_all(self):
        """Build everything; return the log (the compile lines are in it with either tool)."""
        return self.run([self.args.cmake, "--build", self.build, "-j", str(self.args.jobs)])

    def clean(self):
        self.run([self.args.cmake, "--build", self.build, "--target", "clean"])

    def zero_stats(self):
        self.run([self.args.ccache, "--zero-stats"])

    def stats(self):
        """ccache's counters since they were zeroed: hits, misses, and any other nonzero one."""
        counters = {}
        for line in self.run([self.args.ccache, "--print-stats"]).splitlines():
            key, _, value = line.partition("\t")
            if value.isdigit():
                counters[key] = int(value)
        hits = counters.get("direct_cache_hit", 0) + counters.get("preprocessed_cache_hit", 0)
        misses = counters.get("cache_miss", 0)
        ignored = {"direct_cache_hit", "preprocessed_cache_hit", "cache_miss", "files_in_cache",
                   "cache_size_kibibyte", "stats_updated_timestamp", "stats_zeroed_timestamp",
                   "cleanups_performed", "direct_cache_miss", "preprocessed_cache_miss",
                   "local_storage_hit", "local_storage_miss", "local_storage_read_hit",
                   "local_storage_read_miss", "local_storage_write", "primary_storage_hit",
                   "primary_storage_miss"}
        others = {k: v for k, v in counters.items() if v and k not in ignored}
        return hits, misses, others

    def readers_of(self, relative):
        """The objects whose dependency information names <relative> (a file of the source tree)."""
        path = os.path.join(self.src, relative)
        readers = set()
        if self.name == "ninja":
            # `ninja -t deps`: "<object>: #deps N, ..." then one indented dependency a line.
            current = None
            for line in self.run([self.args.ninja, "-C", self.build, "-t", "deps"]).splitlines():
                if line and not line.startswith(" "):
                    current = line.split(":")[0]
                elif line.strip() == path and current:
                    readers.add(current)
        else:
            # Make keeps the compiler's depfiles: CMakeFiles/<target>.dir/<source>.o.d.
            for depfile in glob.glob(os.path.join(self.build, "CMakeFiles", "*", "**", "*.o.d"),
                                     recursive=True):
                with open(depfile, encoding="utf-8") as f:
                    names = f.read().replace("\\\n", " ").split()
                if path in names:
                    readers.add(os.path.relpath(depfile[:-2], self.build))
        return readers


def compiled(text):
    return sorted(COMPILE_LINE.findall(text))


def check(tool, condition, what):
    if not condition:
        raise Failure(f"{tool.name}: {what}")
    log(f"{tool.name}: ok: {what}")


def check_tool(args, name):
    tool = Tool(args, name)
    tool.setup()

    # 1. First build: everything compiled, all misses.
    tool.zero_stats()
    objects = compiled(tool.build_all())
    hits, misses, others = tool.stats()
    log(f"{name}: first build: {len(objects)} objects compiled; ccache: {hits} hits, "
        f"{misses} misses, other counters {others}")
    check(tool, len(objects) > 0 and misses == len(objects) and hits == 0,
          f"first build: every one of the {len(objects)} objects a cache miss")

    for number in range(1, args.rounds + 1):
        # 2. Second clean build, same directory: every object a hit.
        tool.clean()
        tool.zero_stats()
        again = compiled(tool.build_all())
        hits, misses, others = tool.stats()
        log(f"{name} round {number}: clean build: {len(again)} objects compiled; ccache: "
            f"{hits} hits, {misses} misses, other counters {others}")
        check(tool, len(again) == len(objects) and hits == len(objects) and misses == 0
              and not others, f"clean build: all {len(objects)} objects cache hits, no miss")

        # 3. Identical regeneration: each generator runs, writes the same bytes; no compiler.
        for relative in GENERATOR_INPUTS:
            os.utime(os.path.join(tool.src, relative))
        tool.zero_stats()
        out = tool.build_all()
        generators = len(GENERATOR_LINE.findall(out))
        recompiled = compiled(out)
        hits, misses, others = tool.stats()
        log(f"{name} round {number}: identical regeneration: {generators} generator runs, "
            f"{len(recompiled)} objects compiled; ccache: {hits} hits, {misses} misses, "
            f"other counters {others}")
        check(tool, generators >= len(GENERATOR_INPUTS),
              f"identical regeneration: all {len(GENERATOR_INPUTS)} generators ran")
        check(tool, not recompiled and hits == 0 and misses == 0 and not others,
              "identical regeneration: no object compiled, ccache never called")

        # 4. A changed output: exactly the readers of Include/opcode.h recompiled, all misses.
        expected = sorted(tool.readers_of("Include/opcode.h"))
        opcode_py = os.path.join(tool.src, "Lib", "opcode.py")
        with open(opcode_py, "a", encoding="utf-8") as f:
            f.write(f'def_op("CCACHE_CHECK_{number}", {7 + number})\n')
        tool.zero_stats()
        recompiled = compiled(tool.build_all())
        hits, misses, others = tool.stats()
        log(f"{name} round {number}: Include/opcode.h changed: {len(recompiled)} objects compiled "
            f"({' '.join(recompiled)}), {len(expected)} read it; ccache: {hits} hits, "
            f"{misses} misses, other counters {others}")
        check(tool, expected and recompiled == expected,
              f"changed output: exactly its {len(expected)} readers recompiled")
        # A reader whose preprocessed text did not change (the new #define unused) may be a
        # preprocessed-mode hit: ccache is called once per reader, and for no other object.
        check(tool, hits + misses == len(expected) and misses >= 1 and not others,
              f"changed output: ccache called for its {len(expected)} readers only, "
              f"at least one miss")
        noop = compiled(tool.build_all())
        check(tool, not noop, "the next build compiles nothing")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--atomicgen-root", default=REPO)
    parser.add_argument("--atomicgen-executable", required=True)
    parser.add_argument("--tools", default="ninja,make")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cmake", default="cmake")
    parser.add_argument("--ninja", default="ninja")
    parser.add_argument("--make", default="make")
    parser.add_argument("--ccache", default="ccache")
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    if not shutil.which(args.ccache):
        print(f"SKIPPED: no ccache ({args.ccache}; Debian package ccache)")
        return 0
    version = subprocess.run([args.ccache, "--print-stats"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL).returncode
    if version != 0:
        print("SKIPPED: this ccache has no --print-stats (ccache 4.x has)")
        return 0
    failures = []
    for name in args.tools.split(","):
        try:
            check_tool(args, name)
        except Failure as failure:
            failures.append(str(failure))
            log(f"FAILED: {failure}")
    if failures:
        log(f"FAILED: {len(failures)} of {len(args.tools.split(','))} build tools")
        return 1
    log(f"PASSED: {args.tools}, {args.rounds} round(s) each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
