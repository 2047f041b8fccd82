#!/usr/bin/env python3
"""Checks of examples/cpython against a real CPython 3.11 tree.

The example writes into its CPython tree, so the driver works on copies: it copies the example
(CMakeLists.txt, tools/) into <work>/example and a pristine CPython tree into <work>/example/src,
configures <work>/build with Ninja, and runs the checks named on the command line, in order:

  build      `ninja -j<jobs> regen-all all` (the first, full build; timed)
  regrtest   the built python runs `-m test -v` over the selection (SELECTION); prints how many
             test files and test cases ran, passed, failed, were skipped
  noop       after a full build: `ninja regen-all` leaves every file of the tree untouched
             (inode, mtime, size) and a following `ninja -d explain python` has no work to do
  precise    after a full build, with the docstring of a [clinic input] block (Modules/_weakref.c)
             edited: `ninja -v regen-all python` (timed) compiles exactly the objects whose
             depfiles (Ninja's deps log) name a file that changed, here the object of
             Modules/_weakref.c alone (it includes Modules/clinic/_weakref.c.h); prints how many
             objects it compiled and how long it took before checking; then toggles back
  staged-rewrites
             the read-modify-write and tree-walking steps (the metaparser, freeze_modules.py,
             Argument Clinic with a docstring edited, generate_global_objects.py) re-run in
             `ninja -j16 regen-all` while a reader process hashes the files they rewrite in a
             loop: every read is the old or the new content, never a truncated or partial file
  clean      `ninja -t clean` (`make clean` with --tool make) deletes no file of the CPython tree (every checked-in file still
             there, same bytes)
  repeat     --iterations times: `ninja -t clean`, then `ninja -j<jobs> regen-all python` from
             the clean build tree; must never fail; the tree stays byte-identical to the pristine
             one and holds no helper leftovers
  compare    bpo-42398: --iterations clean `ninja -j<jobs> regen-all python` runs with the naive
             wiring (-DCPYTHON_WIRING=naive: CPython's Makefile before GH-23362, clinic writing
             in place through tools/naive_clinic.py, --naive-chunks pieces --naive-delay apart),
             then as many with the atomicgen wiring; prints both failure counts and the first
             error of each failed run; passes when the naive wiring failed at least once and the
             atomicgen wiring never. The amplifiers apply to both wirings alike: --slow-writes
             (-DCPYTHON_SLOW_WRITES: each file a regeneration step writes stays empty that long)
             and --compile-pool (the compilations in a Ninja pool smaller than -j, so the steps
             run beside them from the start, as with make)
  clinic     the same, but between two runs the docstring of a function with a [clinic input]
             block (Modules/_weakref.c) is toggled: clinic rewrites the header and the checksum
             in the .c, the built python shows the new docstring, and toggling back gives the
             pristine bytes again
  verify     ATOMICGEN_CHECKED_IN_OUTPUTS=verify (the build tree configured again): after
             `ninja -t clean`, `ninja -v regen-all all` (timed) verifies every generator of
             checked-in outputs (Argument Clinic among them), passes, touches no file of the tree
             (inode, mtime, size), and a second one has no work to do; `ninja atomicgen-verify`
             passes; then, with the docstring of a [clinic input] block (Modules/_weakref.c)
             edited and not regenerated, `ninja regen-all all` and `ninja atomicgen-verify` both
             fail with a unified diff of Modules/clinic/_weakref.c.h showing the edit, and the
             tree is unchanged; the edit undone, the build passes; back to regenerate
  keep       ATOMICGEN_CHECKED_IN_OUTPUTS=keep: after `ninja -t clean`, `ninja -v regen-all all`
             (timed) runs no generator of checked-in outputs (none of their scripts on any command
             line, no `atomicgen run --output <tree>/...`), each such step only touches its stamp,
             no file of the tree is touched, the built python works and a second build has no
             work to do; with the clinic input edited the build still passes, regenerates nothing
             and python shows the shipped docstring; with Python/opcode_targets.h missing,
             configuring fails and names it; back to regenerate

  distributed
             examples/cpython through ccache and distcc (tests/distcc/: two distccd daemons on
             127.0.0.2 and .3 that the check starts and stops): configured in <work>/distributed
             with CMAKE_C_COMPILER_LAUNCHER=ccache and CCACHE_PREFIX=distcc (ccache's way to put
             distcc behind it; with Ninja `atomicgen compile` goes first), DISTCC_HOSTS the daemons
             only, DISTCC_FALLBACK=0; a cold `ninja -j<jobs> regen-all python` (every ccache
             miss compiled on a daemon: the daemons' logs count as many compiles as ccache's
             misses), then --iterations times `ninja -t clean` and the same build, served from
             the cache (misses only where ccache found __TIME__: Modules/getbuildinfo.c; each
             one a compile on a daemon); the tree stays pristine; prints the
             times. Prints "SKIP: ..." when distcc, distccd or ccache is missing

--tool make builds with CMake's Unix Makefiles generator and `make` instead (not noop).
--slow-writes and --compile-pool apply to every build tree the run configures.

Exit status 0 when every check passed, 1 when one failed, 2 on a setup error.

    python3 tests/cpython/cpython_check.py --work /tmp/cpy build regrtest noop clean repeat clinic
    python3 tests/cpython/cpython_check.py --work /tmp/cpy --jobs 2 build verify keep
"""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLE = os.path.join(REPO, "examples", "cpython")

# The six tests issue 4 names, then more that the built-in modules allow (no shared extension
# modules, no third-party libraries: test_importlib's extension tests, test_ssl, test_sqlite3,
# ... cannot run).
SELECTION = [
    "test_grammar", "test_opcodes", "test_keyword", "test_tokenize", "test_weakref", "test_clinic",
    "test_ast", "test_compile", "test_code", "test_dis", "test_marshal", "test_syntax",
    "test_exceptions", "test_traceback", "test_types", "test_dict", "test_list", "test_tuple",
    "test_set", "test_unicode", "test_bytes", "test_int", "test_float", "test_math", "test_struct",
    "test_array", "test_json", "test_datetime", "test_itertools", "test_functools",
    "test_collections", "test_frozen", "test_sysconfig", "test_embed", "test_sys", "test_capi",
    "test_opcache", "test_peepholer", "test_eof", "test_string_literals", "test_fstring",
    "test_pickle", "test_csv", "test_heapq", "test_bisect", "test_operator", "test_abc",
    "test_weakset", "test_genexps", "test_generators", "test_coroutines", "test_contextlib",
    "test_enum", "test_dataclasses", "test_typing", "test_inspect", "test_unicodedata",
    "test_hashlib", "test_binascii", "test_os", "test_posix", "test_time", "test_threading",
    "test_signal", "test_subprocess", "test_codecs", "test_multibytecodec", "test_re",
]

CLINIC_FILE = "Modules/_weakref.c"
CLINIC_HEADER = "Modules/clinic/_weakref.c.h"
CLINIC_DOC = "Return the number of weak references to 'object'."
CLINIC_MARK = "(edited by cpython_check)"
CLINIC_EDITED = f"Return the number of weak references to 'object' {CLINIC_MARK}."


class CheckFailed(Exception):
    pass


class SetupError(Exception):
    pass


def log(message):
    print(message, flush=True)


def run(cmd, cwd=None, check=True, capture=True, env=None):
    """Runs cmd; returns (status, combined output)."""
    result = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE if capture else None,
                            stderr=subprocess.STDOUT if capture else None, text=True)
    output = result.stdout or ""
    if check and result.returncode != 0:
        raise CheckFailed(f"{' '.join(cmd)} exited with {result.returncode}:\n{tail(output)}")
    return result.returncode, output


def tail(text, lines=40):
    return "\n".join(text.rstrip().splitlines()[-lines:])


def tree_files(root):
    """Relative paths of the files of a CPython tree, without bytecode caches."""
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("__pycache__", ".git")]
        for name in filenames:
            files.append(os.path.relpath(os.path.join(dirpath, name), root))
    return files


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def manifest(root):
    return {rel: digest(os.path.join(root, rel)) for rel in tree_files(root)}


def snapshot(root):
    result = {}
    for rel in tree_files(root):
        st = os.lstat(os.path.join(root, rel))
        result[rel] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return result


class Harness:
    def __init__(self, args, wiring=None, subdir=None):
        self.args = args
        self.wiring = wiring or args.wiring
        self.work = os.path.abspath(args.work)
        if subdir:
            self.work = os.path.join(self.work, subdir)
        self.example = os.path.join(self.work, "example")
        self.src = os.path.join(self.example, "src")
        self.build = os.path.join(self.work, "build" if args.tool == "ninja" else f"build-{args.tool}")
        self.python = os.path.join(self.build, "configure", "python")
        self.ninja = [args.ninja, "-C", self.build]
        self.tool = args.tool
        if self.tool == "make":
            self.build_cmd = [args.make, "-C", self.build]
            self.clean_cmd = [args.make, "-C", self.build, "clean"]
        else:
            self.build_cmd = self.ninja
            self.clean_cmd = self.ninja + ["-t", "clean"]
        self.pristine_dir = None
        self.pristine = None
        self.figures = []

    # -- setup -------------------------------------------------------------------------------
    def setup(self):
        os.makedirs(self.work, exist_ok=True)
        if self.args.sources:
            self.pristine_dir = os.path.abspath(self.args.sources)
        else:
            self.pristine_dir = os.path.join(self.work, "cpython-pristine")
            status, output = run([os.path.join(EXAMPLE, "fetch-sources.sh"), self.pristine_dir],
                                 check=False)
            if status != 0:
                raise SetupError(f"fetch-sources.sh failed:\n{tail(output)}")
        if not os.path.isfile(os.path.join(self.pristine_dir, "Include", "patchlevel.h")):
            raise SetupError(f"{self.pristine_dir} is not a CPython tree")
        self.pristine = manifest(self.pristine_dir)
        # A fresh copy of the example and of the tree, every run.
        if os.path.exists(self.example):
            shutil.rmtree(self.example)
        os.makedirs(self.example)
        shutil.copy2(os.path.join(EXAMPLE, "CMakeLists.txt"), self.example)
        shutil.copytree(os.path.join(EXAMPLE, "tools"), os.path.join(self.example, "tools"))
        shutil.copytree(self.pristine_dir, self.src, symlinks=True)
        generator, program = (("Unix Makefiles", self.args.make) if self.tool == "make"
                              else ("Ninja", self.args.ninja))
        cmd = [self.args.cmake, "-S", self.example, "-B", self.build, "-G", generator,
               f"-DCMAKE_MAKE_PROGRAM={program}",
               f"-DCPYTHON_ATOMICGEN_ROOT={REPO}", f"-DCPYTHON_OPT={self.args.opt}",
               f"-DCPYTHON_WIRING={self.wiring}",
               f"-DCPYTHON_NAIVE_CHUNKS={self.args.naive_chunks}",
               f"-DCPYTHON_NAIVE_DELAY={self.args.naive_delay}",
               f"-DCPYTHON_SLOW_WRITES={self.args.slow_writes}"]
        if self.args.compile_pool and self.tool == "ninja":
            # Every compilation in one Ninja pool smaller than -j: the other slots stay free for
            # whatever else is ready, so the regeneration steps run beside the compilations from
            # the start (as with make) instead of after the last one has started.
            cmd += [f"-DCMAKE_JOB_POOLS=compile={self.args.compile_pool}",
                    "-DCMAKE_JOB_POOL_COMPILE=compile"]
        elif self.tool == "ninja":
            cmd += ["-DCMAKE_JOB_POOLS=", "-DCMAKE_JOB_POOL_COMPILE="]
        if self.args.atomicgen_executable:
            cmd.append(f"-DATOMICGEN_EXECUTABLE={os.path.abspath(self.args.atomicgen_executable)}")
        # Every run starts from the default (a build tree reused after verify or keep failed).
        cmd.append("-DATOMICGEN_CHECKED_IN_OUTPUTS=regenerate")
        self.configure_cmd = cmd
        start = time.monotonic()
        status, output = run(cmd, check=False)
        if status != 0:
            raise SetupError(f"configuring the example failed:\n{tail(output)}")
        log(f"setup: {self.wiring} wiring configured in {time.monotonic() - start:.0f} s "
            f"({self.build})")

    # -- helpers -----------------------------------------------------------------------------
    def check_tree(self, expected_changes=()):
        """The CPython tree equals the pristine one except for expected_changes; no leftovers."""
        current = manifest(self.src)
        missing = sorted(set(self.pristine) - set(current))
        if missing:
            raise CheckFailed(f"{len(missing)} files of the tree are gone: {missing[:10]}")
        leftovers = sorted(p for p in set(current) - set(self.pristine)
                           if ".atomicgen-" in p or p.endswith((".new", ".tmp")))
        for dirpath, dirnames, _ in os.walk(self.src):
            leftovers += [os.path.relpath(os.path.join(dirpath, d), self.src)
                          for d in dirnames if ".atomicgen-" in d]
        if leftovers:
            raise CheckFailed(f"leftovers in the tree: {leftovers[:10]}")
        changed = sorted(p for p in self.pristine
                         if current[p] != self.pristine[p] and p not in expected_changes)
        if changed:
            raise CheckFailed(f"{len(changed)} files differ from the pristine tree: {changed[:10]}")

    def restore_tree(self):
        """Puts back every file that differs from the pristine tree; returns their names."""
        current = manifest(self.src)
        damaged = sorted(p for p in self.pristine if current.get(p) != self.pristine[p])
        for rel in damaged:
            shutil.copy2(os.path.join(self.pristine_dir, rel), os.path.join(self.src, rel))
        return damaged

    def build_all(self, targets, jobs=None):
        jobs = jobs or self.args.jobs
        start = time.monotonic()
        status, output = run(self.build_cmd + [f"-j{jobs}"] + targets, check=False)
        elapsed = time.monotonic() - start
        if status != 0:
            errors = [line for line in output.splitlines()
                      if re.search(r"error|FAILED", line)][:15]
            raise CheckFailed(f"ninja -j{jobs} {' '.join(targets)} failed after {elapsed:.0f} s:\n"
                              + "\n".join(errors))
        return elapsed

    # -- checks ------------------------------------------------------------------------------
    def check_build(self):
        elapsed = self.build_all(["regen-all", "all"])
        self.check_tree()
        self.figures.append(f"full build (regen-all all, -j{self.args.jobs}): {elapsed:.0f} s")
        log(f"build: ok, {elapsed:.0f} s; the tree is byte-identical to the pristine one")

    def check_regrtest(self):
        cmd = [self.python, "-m", "test", "-v", f"-j{self.args.test_jobs}"] + SELECTION
        start = time.monotonic()
        status, output = run(cmd, cwd=self.build, check=False)
        elapsed = time.monotonic() - start
        cases = sum(int(n) for n in re.findall(r"^Ran (\d+) tests? in ", output, re.M))
        counts = {"failures": 0, "errors": 0, "skipped": 0, "expected failures": 0}
        for line in re.findall(r"^(?:OK|FAILED) \((.*)\)$", output, re.M):
            for key, value in re.findall(r"([a-z ]+)=(\d+)", line):
                key = key.strip()
                counts[key] = counts.get(key, 0) + int(value)
        ok_files = re.search(r"^(\d+) tests? OK\.$", output, re.M)
        ok_files = int(ok_files.group(1)) if ok_files else (len(SELECTION) if status == 0 else 0)
        failed_files = re.search(r"^(\d+) tests? failed:\n((?:    .*\n)+)", output, re.M)
        skipped_files = re.search(r"^(\d+) tests? skipped:\n((?:    .*\n)+)", output, re.M)
        summary = (f"regrtest: {len(SELECTION)} test files, {ok_files} passed"
                   + (f", {failed_files.group(1)} failed ({' '.join(failed_files.group(2).split())})"
                      if failed_files else "")
                   + (f", {skipped_files.group(1)} skipped ({' '.join(skipped_files.group(2).split())})"
                      if skipped_files else "")
                   + f"; {cases} test cases ran: {cases - counts['failures'] - counts['errors'] - counts['skipped']}"
                   f" passed, {counts['failures']} failures, {counts['errors']} errors, "
                   f"{counts['skipped']} skipped; {elapsed:.0f} s")
        self.figures.append(summary)
        log(summary)
        if status != 0:
            raise CheckFailed(f"regrtest exited with {status}:\n{tail(output, 30)}")

    def check_noop(self):
        if self.tool != "ninja":
            raise SetupError("noop uses `ninja -d explain`: run it with --tool ninja")
        self.build_all(["regen-all", "all"])
        before = snapshot(self.src)
        _, output = run(self.ninja + ["-d", "explain", "regen-all"])
        after = snapshot(self.src)
        touched = sorted(p for p in before if after.get(p) != before[p])
        if touched:
            raise CheckFailed(f"`ninja regen-all` on a built tree touched {len(touched)} files: "
                              f"{touched[:10]}\n{tail(output)}")
        if "no work to do" not in output:
            raise CheckFailed(f"`ninja regen-all` on a built tree had work to do:\n{tail(output)}")
        _, output = run(self.ninja + ["-d", "explain", "python"])
        if "no work to do" not in output:
            raise CheckFailed(f"`ninja python` after `ninja regen-all` had work to do:\n"
                              f"{tail(output)}")
        self.figures.append("noop: `ninja regen-all` touched 0 files; `ninja python`: no work to do")
        log("noop: ok: `ninja regen-all` touched no file, `ninja -d explain python`: no work to do")

    # The steps that read their outputs, walk the tree or rewrite their inputs
    # (examples/cpython/CMakeLists.txt), an input of each that makes it run again, and the files
    # a reader hashes while they run: the files those steps rewrite.
    RMW_STEPS = {"regen-pegen-metaparser": "Tools/peg_generator/pegen/metagrammar.gram",
                 "regen-frozen": "Tools/scripts/freeze_modules.py",
                 "clinic": "Tools/clinic/clinic.py",
                 "regen-global-objects": "Tools/scripts/generate_global_objects.py"}
    RMW_FILES = ("Tools/peg_generator/pegen/grammar_parser.py", "Makefile.pre.in",
                 "Python/frozen.c", CLINIC_HEADER, CLINIC_FILE,
                 "Include/internal/pycore_global_strings.h")

    def check_staged_rewrites(self):
        """A reader of the tree never sees a file of a read-modify-write step truncated or half
        written: with every such step re-running in `ninja -j16 regen-all` (and clinic really
        rewriting _weakref.c.h and the checksum line of _weakref.c, its docstring edited), a reader
        process hashes those files in a loop; every hash it sees is the file's content before or
        after the build."""
        self.build_all(["regen-all", "all"])
        for source in self.RMW_STEPS.values():
            os.utime(os.path.join(self.src, source))
        self.toggle_clinic_input(True)
        paths = [os.path.join(self.src, rel) for rel in self.RMW_FILES]
        before = {path: digest_of(path) for path in paths}
        with TreeReader(self.work, paths) as reader:
            status, output = run(self.ninja + ["-j16", "-v", "regen-all"], check=False)
        if status != 0:
            raise CheckFailed(f"`ninja -j16 regen-all` failed:\n{tail(output)}")
        ran = [step for step, source in self.RMW_STEPS.items()
               if re.search(rf"atomicgen\S* run .*{re.escape(os.path.basename(source))}", output)]
        if len(ran) != len(self.RMW_STEPS):
            raise CheckFailed(f"touching their inputs re-ran only {ran} of "
                              f"{list(self.RMW_STEPS)}:\n{tail(output)}")
        after = {path: digest_of(path) for path in paths}
        header = os.path.join(self.src, CLINIC_HEADER)
        if before[header] == after[header]:
            raise CheckFailed(f"{CLINIC_HEADER} was not rewritten by clinic")
        torn = reader.torn({path: (before[path], after[path]) for path in paths})
        if torn:
            raise CheckFailed("a reader of the tree saw a file neither old nor new:\n"
                              + "\n".join(f"{what}: {n} reads" for what, n in torn.items()))
        reads = reader.reads()
        self.toggle_clinic_input(False)
        self.build_all(["regen-all", "all"])
        self.check_tree()
        figure = (f"staged_rewrites: {', '.join(ran)} re-ran at -j16 (clinic rewriting "
                  f"{CLINIC_HEADER} and {CLINIC_FILE}); a reader hashed {len(paths)} of their "
                  f"files {reads} times: every read was the old or the new content")
        self.figures.append(figure)
        log(figure)

    COMPILE_LINE = re.compile(r"^\[\d+/\d+\] .*\s-o\s+(\S+\.o)\s+(?:.*\s)?-c\s+(\S+\.c)\s*$")

    def ninja_deps(self):
        """{object: set of the files its depfile named}, from Ninja's deps log (paths absolute)."""
        _, output = run(self.ninja + ["-t", "deps"])
        deps, current = {}, None
        for line in output.splitlines():
            if not line.strip():
                current = None
            elif not line[0].isspace():
                current = line.split(":", 1)[0]
                deps[current] = set()
            elif current is not None:
                deps[current].add(os.path.normpath(os.path.join(self.build, line.strip())))
        return deps

    def check_precise(self):
        """A change to a checked-in generated file recompiles exactly the objects that read it:
        with the docstring of a [clinic input] block edited (clinic rewrites
        Modules/clinic/_weakref.c.h and the checksum line of Modules/_weakref.c), `ninja -v
        regen-all python` compiles the objects whose depfiles name a file that changed, and no
        other: here the object of Modules/_weakref.c alone."""
        if self.tool != "ninja":
            raise SetupError("precise reads `ninja -v` and Ninja's deps log: run it with --tool ninja")
        self.build_all(["regen-all", "all"])
        deps = self.ninja_deps()
        before = {os.path.join(self.src, p): v for p, v in snapshot(self.src).items()}
        before.update({os.path.join(self.build, p): v for p, v in snapshot(self.build).items()})
        self.toggle_clinic_input(True)
        jobs = self.args.jobs
        start = time.monotonic()
        status, output = run(self.ninja + [f"-j{jobs}", "-v", "-d", "explain", "regen-all",
                                           "python"], check=False)
        elapsed = time.monotonic() - start
        if status != 0:
            raise CheckFailed(f"`ninja -v regen-all python` failed:\n{tail(output)}")
        after = {os.path.join(self.src, p): v for p, v in snapshot(self.src).items()}
        after.update({os.path.join(self.build, p): v for p, v in snapshot(self.build).items()})
        # The files that changed: the tree's and the build tree's but the objects themselves.
        changed = {p for p in before if after.get(p) != before[p] and not p.endswith(".o")}
        compiled = {}
        for line in output.splitlines():
            match = self.COMPILE_LINE.match(line)
            if match:
                compiled[match.group(1)] = match.group(2)
        readers = {obj for obj, files in deps.items() if files & changed}
        expected = {obj for obj in deps if obj.endswith(CLINIC_FILE + ".o")}
        src_changed = sorted(os.path.relpath(p, self.src) for p in changed
                             if p.startswith(self.src + os.sep))
        figure = (f"precise: docstring of {CLINIC_FILE} edited, `ninja -j{jobs} regen-all python`"
                  f" compiled {len(compiled)} object{'' if len(compiled) == 1 else 's'} in {elapsed:.0f} s"
                  f" ({', '.join(sorted(compiled)[:3])}{', ...' if len(compiled) > 3 else ''});"
                  f" files of the tree that changed: {', '.join(src_changed)}")
        self.figures.append(figure)
        log(figure)
        extra = sorted(set(compiled) - readers)
        missing = sorted(readers - set(compiled))
        if extra or missing or readers != expected:
            # Why Ninja ran them: the explain lines of a few of them ("is dirty": an input is),
            # then the reasons that start the chain (an output older than its input, ...).
            explain = [line for line in output.splitlines() if line.startswith("ninja explain:")]
            why = ([line for line in explain if any(obj in line for obj in extra[:3])][:6]
                   + sorted({line for line in explain if not line.endswith(" is dirty")})[:10])
            raise CheckFailed(
                f"precise: compiled {len(compiled)} objects, {len(readers)} read a changed file"
                f" (expected {sorted(expected)}): {len(extra)} compiled without reading one "
                f"{extra[:10]}, {len(missing)} readers not compiled {missing[:10]}; readers "
                f"{sorted(readers)[:10]}\n" + "\n".join(why[:20]))
        self.toggle_clinic_input(False)
        self.build_all(["regen-all", "all"])
        self.check_tree()
        log(f"precise: ok: only {', '.join(sorted(compiled))} recompiled ({elapsed:.0f} s)")

    def check_clean(self):
        run(self.clean_cmd)
        self.check_tree()
        if os.path.exists(self.python):
            raise CheckFailed("`ninja -t clean` left the built python")
        self.figures.append("clean: `ninja -t clean` deleted no file of the CPython tree")
        log("clean: ok: `ninja -t clean` removed the build outputs and no file of the CPython tree")

    # -- ATOMICGEN_CHECKED_IN_OUTPUTS -------------------------------------------------------
    # What the generators of checked-in outputs (every regen-all step: examples/cpython writes
    # all of them into the CPython tree) put on their command lines; the build-tree steps
    # (freeze-*, deepfreeze, python-posix-vars: Programs/_freeze_module.py, deepfreeze.py,
    # `python -m sysconfig`) are not among them.
    CHECKED_IN_GENERATORS = re.compile(
        r"generate_opcode_h\.py|makeopcodetargets\.py|typeslots\.py|generate_token\.py"
        r"|asdl_c\.py|generate_sre_constants\.py|-m pegen|freeze_modules\.py|\bclinic\.py"
        r"|blake2b2s\.py|generate_global_objects\.py|freeze_test_frozenmain\.py")
    # A file of the tree a regen-all step writes whose name the example does not take from a
    # glob (a deleted clinic header would just drop out of clinic's OUTPUT list).
    SHIPPED_FILE = "Python/opcode_targets.h"

    def reconfigure(self, mode, check=True):
        """Configures the build tree again with ATOMICGEN_CHECKED_IN_OUTPUTS=<mode>."""
        status, output = run([self.args.cmake, "-S", self.example, "-B", self.build,
                              f"-DATOMICGEN_CHECKED_IN_OUTPUTS={mode}"], check=False)
        if check and status != 0:
            raise CheckFailed(f"configuring with ATOMICGEN_CHECKED_IN_OUTPUTS={mode} failed:\n"
                              f"{tail(output)}")
        if check and f"AtomicGen: checked-in outputs: {mode}" not in output:
            raise CheckFailed(f"configuring with ATOMICGEN_CHECKED_IN_OUTPUTS={mode} did not "
                              f"say so:\n{tail(output)}")
        return status, output

    def clean_build(self, targets):
        """`ninja -t clean`, then `ninja -v -j<jobs> <targets>`: (status, output, seconds)."""
        run(self.clean_cmd)
        start = time.monotonic()
        status, output = run(self.ninja + [f"-j{self.args.jobs}", "-v"] + targets, check=False)
        return status, output, time.monotonic() - start

    def expect_no_work(self, mode):
        _, output = run(self.ninja + ["-d", "explain", "regen-all", "all"])
        if "no work to do" not in output:
            raise CheckFailed(f"{mode}: a second `ninja regen-all all` had work to do:\n"
                              f"{tail(output)}")

    def expect_untouched(self, before, mode, what):
        after = snapshot(self.src)
        touched = sorted(p for p in set(before) | set(after) if after.get(p) != before.get(p))
        if touched:
            raise CheckFailed(f"{mode}: {what} touched {len(touched)} files of the tree "
                              f"(inode, mtime or size): {touched[:10]}")

    def check_verify(self):
        """ATOMICGEN_CHECKED_IN_OUTPUTS=verify: on the unmodified tree a clean `ninja regen-all
        all` runs every generator of checked-in outputs staged, passes and writes nothing in the
        tree, and `ninja atomicgen-verify` passes; with the docstring of a [clinic input] block
        edited and not regenerated, both fail with a unified diff of Modules/clinic/_weakref.c.h
        and still write nothing."""
        if self.tool != "ninja":
            raise SetupError("verify reads `ninja -v`: run it with --tool ninja")
        self.reconfigure("verify")
        before = snapshot(self.src)
        status, output, elapsed = self.clean_build(["regen-all", "all"])
        if status != 0:
            raise CheckFailed(f"verify, unmodified tree: `ninja regen-all all` failed:\n"
                              f"{tail(output)}")
        verified = [line for line in output.splitlines()
                    if re.search(r"atomicgen\S* run --verify ", line)]
        if not any(re.search(r"\bclinic\.py --make", line) for line in verified):
            raise CheckFailed(f"verify: Argument Clinic was not verified ({len(verified)} "
                              f"`atomicgen run --verify` commands):\n{tail(output)}")
        self.expect_untouched(before, "verify", "the build")
        self.check_tree()
        self.expect_no_work("verify")
        status, output = run(self.ninja + ["atomicgen-verify"], check=False)
        if status != 0:
            raise CheckFailed(f"verify: `ninja atomicgen-verify` failed on the unmodified tree:\n"
                              f"{tail(output)}")
        self.expect_untouched(before, "verify", "`ninja atomicgen-verify`")
        self.figures.append(f"verify: clean `ninja -j{self.args.jobs} regen-all all` with "
                            f"ATOMICGEN_CHECKED_IN_OUTPUTS=verify: {elapsed:.0f} s, "
                            f"{len(verified)} steps verified, 0 files of the tree touched")
        log(f"verify: unmodified tree: ok ({elapsed:.0f} s, {len(verified)} `atomicgen run "
            f"--verify` commands, no file of the tree touched); atomicgen-verify passes")
        self.verify_edited()

    def verify_edited(self):
        """verify, on a tree built with ATOMICGEN_CHECKED_IN_OUTPUTS=verify: a [clinic input]
        block edited and not regenerated fails the build and atomicgen-verify with the diff."""
        self.toggle_clinic_input(True)
        try:
            before = snapshot(self.src)
            diff = re.compile(rf"^--- a/{re.escape(CLINIC_HEADER)}\n\+\+\+ b/"
                              rf"{re.escape(CLINIC_HEADER)}\n@@ .*?^\+.*{re.escape(CLINIC_MARK)}",
                              re.M | re.S)
            for targets in (["regen-all", "all"], ["atomicgen-verify"]):
                shown = f"`ninja {' '.join(targets)}`"
                status, output = run(self.ninja + targets, check=False)
                if status == 0:
                    raise CheckFailed(f"verify: {shown} passed with {CLINIC_FILE} edited and "
                                      f"{CLINIC_HEADER} not regenerated")
                if not diff.search(output):
                    raise CheckFailed(f"verify: {shown} failed without a diff of {CLINIC_HEADER} "
                                      f"showing the edit:\n{tail(output)}")
                self.expect_untouched(before, "verify", f"{shown} (clinic input edited)")
                self.check_tree(expected_changes=(CLINIC_FILE,))
                log(f"verify: {CLINIC_FILE} edited: {shown} fails with the diff of "
                    f"{CLINIC_HEADER}; the tree unchanged")
        finally:
            self.toggle_clinic_input(False)
        status, output = run(self.ninja + [f"-j{self.args.jobs}", "regen-all", "all"], check=False)
        if status != 0:
            raise CheckFailed(f"verify: `ninja regen-all all` failed after the edit was undone:\n"
                              f"{tail(output)}")
        self.check_tree()
        self.reconfigure("regenerate")
        self.figures.append(f"verify: {CLINIC_FILE} edited: `ninja regen-all all` and `ninja "
                            f"atomicgen-verify` fail with the diff of {CLINIC_HEADER}, the tree "
                            f"unchanged")

    def check_keep(self):
        """ATOMICGEN_CHECKED_IN_OUTPUTS=keep: a clean `ninja regen-all all` runs no generator of
        a checked-in output and touches no file of the tree, the python it builds works, a
        second one has no work to do; with a [clinic input] block edited the build still
        passes and regenerates nothing; a missing shipped file stops configuration, named."""
        if self.tool != "ninja":
            raise SetupError("keep reads `ninja -v`: run it with --tool ninja")
        self.reconfigure("keep")
        before = snapshot(self.src)
        status, output, elapsed = self.clean_build(["regen-all", "all"])
        if status != 0:
            raise CheckFailed(f"keep: `ninja regen-all all` failed:\n{tail(output)}")
        commands = [line for line in output.splitlines() if re.match(r"\[\d+/\d+\] ", line)]
        generators = [line for line in commands if self.CHECKED_IN_GENERATORS.search(line)
                      or re.search(rf"--output {re.escape(self.src)}/", line)]
        if generators:
            raise CheckFailed(f"keep: {len(generators)} commands ran a generator of checked-in "
                              f"outputs:\n" + "\n".join(g[:300] for g in generators[:5]))
        kept = [line for line in commands
                if re.search(r"-E touch \S*/atomicgen\.stamps/[^ /]+\.done$", line)]
        if not any("/clinic.done" in line for line in kept):
            raise CheckFailed(f"keep: no step only touched its stamp (clinic.done):\n"
                              f"{tail(output)}")
        self.expect_untouched(before, "keep", "the build")
        self.check_tree()
        _, doc = run([self.python, "-c",
                      "import _weakref; print(_weakref.getweakrefcount.__doc__)"])
        if CLINIC_DOC not in doc:
            raise CheckFailed(f"keep: the built python shows {doc.strip()!r}")
        self.expect_no_work("keep")
        figure = (f"keep: clean `ninja -j{self.args.jobs} regen-all all` with "
                  f"ATOMICGEN_CHECKED_IN_OUTPUTS=keep: {elapsed:.0f} s, {len(commands)} commands,"
                  f" {len(kept)} steps only touched their stamps, 0 generators of checked-in "
                  f"outputs ran, 0 files of the tree touched")
        self.figures.append(figure)
        log(figure)
        self.keep_edited()

    def keep_edited(self):
        """keep, on a tree built with ATOMICGEN_CHECKED_IN_OUTPUTS=keep: with a [clinic input]
        block edited, the shipped header is used as it is; a missing shipped file stops
        configuration."""
        self.toggle_clinic_input(True)
        try:
            before = snapshot(self.src)
            status, output = run(self.ninja + [f"-j{self.args.jobs}", "-v", "regen-all",
                                               "python"], check=False)
            if status != 0:
                raise CheckFailed(f"keep: {CLINIC_FILE} edited: the build failed:\n"
                                  f"{tail(output)}")
            generators = [line for line in output.splitlines()
                          if self.CHECKED_IN_GENERATORS.search(line)]
            if generators:
                raise CheckFailed(f"keep: {CLINIC_FILE} edited: a generator ran:\n"
                                  + "\n".join(g[:300] for g in generators[:5]))
            self.expect_untouched(before, "keep", f"the build ({CLINIC_FILE} edited)")
            _, doc = run([self.python, "-c",
                          "import _weakref; print(_weakref.getweakrefcount.__doc__)"])
            if CLINIC_DOC not in doc:
                raise CheckFailed(f"keep: {CLINIC_FILE} edited: python shows {doc.strip()!r}, "
                                  f"not the shipped {CLINIC_DOC!r}")
        finally:
            self.toggle_clinic_input(False)
        log(f"keep: {CLINIC_FILE} edited: the build passes, nothing regenerated, python shows "
            f"the shipped docstring")

        # A shipped file missing: configuration stops and names it.
        shipped = os.path.join(self.src, self.SHIPPED_FILE)
        aside = os.path.join(self.work, "shipped-file-aside")
        os.rename(shipped, aside)
        try:
            status, output = self.reconfigure("keep", check=False)
        finally:
            os.rename(aside, shipped)
        # (CMake wraps the lines of its messages: the words of the error on one line.)
        if status == 0 or not re.search(rf'"{re.escape(shipped)}" is missing',
                                        " ".join(output.split())):
            raise CheckFailed(f"keep: with {self.SHIPPED_FILE} missing configuring exited with "
                              f"{status} and did not name it:\n{tail(output)}")
        log(f"keep: {self.SHIPPED_FILE} missing: configuring fails and names it")
        self.reconfigure("keep")
        run(self.ninja + [f"-j{self.args.jobs}", "python"])
        self.check_tree()
        self.reconfigure("regenerate")
        self.figures.append(f"keep: {CLINIC_FILE} edited: the build passes and regenerates "
                            f"nothing; {self.SHIPPED_FILE} missing: a configure error naming it")

    def toggle_clinic_input(self, edited):
        path = os.path.join(self.src, CLINIC_FILE)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        old, new = (CLINIC_DOC, CLINIC_EDITED) if edited else (CLINIC_EDITED, CLINIC_DOC)
        if old not in text:
            raise SetupError(f"{CLINIC_FILE}: {old!r} not found")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))

    def check_repeat(self, clinic):
        name = "clinic" if clinic else "repeat"
        times = []
        edited = False
        for i in range(1, self.args.iterations + 1):
            run(self.clean_cmd)
            if clinic:
                edited = not edited
                self.toggle_clinic_input(edited)
            try:
                times.append(self.build_all(["regen-all", "python"]))
                expected = (CLINIC_FILE, CLINIC_HEADER) if edited else ()
                self.check_tree(expected)
                if clinic:
                    _, doc = run([self.python, "-c",
                                  "import _weakref; print(_weakref.getweakrefcount.__doc__)"])
                    want = CLINIC_EDITED if edited else CLINIC_DOC
                    if want not in doc:
                        raise CheckFailed(f"the built python shows {doc.strip()!r}, not {want!r}")
                    with open(os.path.join(self.src, CLINIC_HEADER), encoding="utf-8") as f:
                        if (CLINIC_MARK in f.read()) != edited:
                            raise CheckFailed(f"{CLINIC_HEADER} was not regenerated")
            except CheckFailed as error:
                raise CheckFailed(f"{name}: iteration {i} of {self.args.iterations}: {error}")
            log(f"{name}: iteration {i}: ok ({times[-1]:.0f} s)"
                + (f", docstring {'edited' if edited else 'restored'}" if clinic else ""))
        if clinic and edited:
            # Leave the tree as it was.
            self.toggle_clinic_input(False)
            self.build_all(["regen-all", "python"])
            self.check_tree()
        figure = (f"{name}: {len(times)} of {self.args.iterations} clean `ninja -j{self.args.jobs}"
                  f" regen-all python` runs passed, 0 failed (mean {sum(times) / len(times):.0f} s)")
        self.figures.append(figure)
        log(figure)


class TreeReader:
    """A process that hashes files in a loop while the build runs (`with TreeReader(...)`): what a
    reader outside the build (an editor, an indexer, a second build) sees of them."""

    CODE = """
import hashlib, os, sys
stop, out, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
seen = {}
while not os.path.exists(stop):
    for p in paths:
        try:
            with open(p, 'rb') as f:
                h = hashlib.sha256(f.read()).hexdigest()
        except FileNotFoundError:
            h = 'missing'
        seen[(p, h)] = seen.get((p, h), 0) + 1
with open(out, 'w') as f:
    for (p, h), n in seen.items():
        f.write(f'{p}\\t{h}\\t{n}\\n')
"""

    def __init__(self, work, paths):
        self.paths = list(paths)
        self.out = os.path.join(work, "reader-seen.txt")
        self.stop = os.path.join(work, "reader-stop")
        self.seen = {}  # (path, sha256) -> reads

    def __enter__(self):
        for path in (self.out, self.stop):
            if os.path.exists(path):
                os.remove(path)
        self.process = subprocess.Popen([sys.executable, "-c", self.CODE, self.stop, self.out]
                                        + self.paths)
        return self

    def __exit__(self, *exc):
        with open(self.stop, "w"):
            pass
        self.process.wait(timeout=120)
        with open(self.out) as f:
            for line in f:
                path, digest, count = line.rstrip("\n").split("\t")
                self.seen[(path, digest)] = int(count)
        return False

    def reads(self):
        return sum(self.seen.values())

    def torn(self, allowed):
        """Reads of content not in allowed[path]: {"<path>: <digest>": reads}."""
        return {f"{path}: content {digest[:12]}": count
                for (path, digest), count in sorted(self.seen.items())
                if digest not in allowed[path]}


def digest_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def first_error(output):
    lines = output.splitlines()
    for pattern in (r": (?:fatal )?error:", r"Error:|Traceback", r"^FAILED:"):
        for line in lines:
            if re.search(pattern, line):
                return line.strip()
    return "?"


def check_compare(harness):
    """bpo-42398 on the real tree: the naive wiring against the atomicgen wiring, same runs.

    An iteration fails if the build fails, if the built python does not start, or if the tree
    differs from the pristine one afterwards (a generator read a torn file and wrote wrong
    bytes: gh-108740). A damaged tree is restored from the pristine copy before the next run."""
    args = harness.args
    counts = {}
    errors = {}
    torn_reads = {}  # reads, by a reader outside the build, of files neither old nor new
    for wiring in args.compare_wirings.split(","):
        h = (harness if wiring == harness.wiring
             else Harness(args, wiring=wiring, subdir=f"{wiring}-{args.tool}"))
        if h is not harness:
            h.setup()
        failures = 0
        errors[wiring] = []
        torn_reads[wiring] = 0
        watched = [os.path.join(h.src, rel) for rel in Harness.RMW_FILES]
        pristine = {path: (digest_of(os.path.join(args.sources, rel)),)
                    for path, rel in zip(watched, Harness.RMW_FILES)}
        for i in range(1, args.iterations + 1):
            run(h.clean_cmd)
            start = time.monotonic()
            with TreeReader(h.work, watched) as reader:
                status, output = run(h.build_cmd + [f"-j{args.jobs}", "regen-all", "python"],
                                     check=False)
            elapsed = time.monotonic() - start
            torn = reader.torn(pristine)
            torn_reads[wiring] += sum(torn.values())
            if torn:
                log(f"compare: {wiring} iteration {i}: a reader of the tree saw torn files: "
                    + "; ".join(f"{what}: {n} reads" for what, n in list(torn.items())[:3]))
            with open(os.path.join(h.work, f"compare-{wiring}-{i}.log"), "w") as f:
                f.write(output)
            problem = None
            if status != 0:
                problem = f"build failed: {first_error(output)}"
            else:
                status, output = run([h.python, "-c", "import _weakref, posix"], check=False)
                if status != 0:
                    problem = f"python does not start: {first_error(output)}"
            damaged = h.restore_tree()
            if damaged:
                problem = (problem + "; " if problem else "") + \
                    f"tree damaged ({len(damaged)} files: {', '.join(damaged[:4])})"
            if problem:
                failures += 1
                errors[wiring].append(f"run {i}: {problem[:300]}")
                log(f"compare: {wiring} iteration {i}: FAILED ({elapsed:.0f} s): {problem[:300]}")
            else:
                log(f"compare: {wiring} iteration {i}: ok ({elapsed:.0f} s)")
        counts[wiring] = failures
    figure = (f"compare (clean `{args.tool} -j{args.jobs} regen-all python`, {args.iterations} "
              f"runs each, slow writes {args.slow_writes} s, compile pool "
              f"{args.compile_pool or 'none'}, naive clinic writes in {args.naive_chunks} "
              f"pieces {args.naive_delay} s apart): "
              + ", ".join(f"{w} failed {n}/{args.iterations}" for w, n in counts.items())
              + "; a reader of the read-modify-write steps' files saw torn content: "
              + ", ".join(f"{w} {n} times" for w, n in torn_reads.items()))
    harness.figures.append(figure)
    log(figure)
    for wiring, lines in errors.items():
        for line in lines:
            log(f"  {wiring} {line}")
    if counts.get("atomicgen"):
        raise CheckFailed("the atomicgen wiring failed")
    if torn_reads.get("atomicgen"):
        raise CheckFailed("a reader outside the build saw a torn file with the atomicgen wiring")
    if "naive" in torn_reads and torn_reads["naive"] == 0:
        raise CheckFailed("the reader never saw a torn file with the naive wiring: its negative "
                          "control proves nothing")
    if counts.get("naive") == 0:
        raise CheckFailed("the naive control never failed: the comparison proves nothing")


def ccache_stats(env):
    """ccache's counters ({name: int}) from `ccache --print-stats`."""
    _, output = run(["ccache", "--print-stats"], env=env)
    stats = {}
    for line in output.splitlines():
        name, _, value = line.partition("\t")
        if value.strip().isdigit():
            stats[name] = int(value)
    return stats


# ccache pads the process id to a width ("[<time> 1610 ]" and "[<time> 31337]"): spaces either side.
CCACHE_LOG_LINE = re.compile(r"^\[\S+ +(\d+) *\] (Source file: (.*)|Found __TIME__ in |Result: cache_miss$)")


def ccache_misses(log_file):
    """The sources ccache missed, per its log: {source: True when it found __TIME__ in it}."""
    sources, timed, missed = {}, set(), set()
    with open(log_file, encoding="utf-8", errors="replace") as f:
        for line in f:
            match = CCACHE_LOG_LINE.match(line)
            if not match:
                continue
            pid = match.group(1)
            if match.group(3) is not None:
                sources[pid] = match.group(3)
            elif match.group(2).startswith("Found"):
                timed.add(pid)
            else:
                missed.add(pid)
    return {sources.get(pid, "?"): pid in timed for pid in missed}


def fresh_objects(build, since):
    """How many object files under build were written at or after since (a clean build writes
    each one, from the cache or from a compile)."""
    count = 0
    for dirpath, _, filenames in os.walk(build):
        for name in filenames:
            if name.endswith(".o") and os.stat(os.path.join(dirpath, name)).st_mtime >= since:
                count += 1
    return count


def check_distributed(args):
    """examples/cpython built with ccache and distcc launchers at -j<jobs>, regen-all in the same
    run: a cold build compiled on the daemons, then --iterations clean builds from the cache."""
    missing = [tool for tool in ("distcc", "distccd", "ccache") if not shutil.which(tool)]
    if missing:
        log(f"SKIP: distributed: {', '.join(missing)} not found (Debian packages distcc, ccache)")
        return []
    sys.path.insert(0, os.path.join(REPO, "tests", "distcc"))
    from distcc_test import Daemons  # the daemons of the distcc test: started, counted, stopped

    harness = Harness(args, subdir="distributed")
    daemon_dir = os.path.join(harness.work, "distccd")
    shutil.rmtree(daemon_dir, ignore_errors=True)
    os.makedirs(daemon_dir)
    os.chmod(daemon_dir, 0o777)  # run by root, distccd writes its logs as its own user
    daemons = Daemons(2, 12, daemon_dir)
    # CMake (3.17+) takes CMAKE_C_COMPILER_LAUNCHER from the environment on the first configure;
    # the builds inherit the rest: this process's environment, restored at the end.
    saved = dict(os.environ)
    figures = []
    try:
        daemons.start()
        os.environ.update(
            CMAKE_C_COMPILER_LAUNCHER="ccache", CCACHE_PREFIX="distcc",
            CCACHE_DIR=os.path.join(harness.work, "ccache"),
            CCACHE_LOGFILE=os.path.join(harness.work, "ccache.log"), DISTCC_HOSTS=daemons.hosts(),
            DISTCC_DIR=os.path.join(harness.work, "distcc-dir"), DISTCC_FALLBACK="0",
            DISTCC_SKIP_LOCAL_RETRY="1", DISTCC_IO_TIMEOUT="300")
        for name in ("CCACHE_DISABLE", "CCACHE_RECACHE", "CCACHE_READONLY", "CCACHE_SLOPPINESS", "CMAKE_CXX_COMPILER_LAUNCHER"):
            os.environ.pop(name, None)
        shutil.rmtree(os.environ["CCACHE_DIR"], ignore_errors=True)
        os.makedirs(os.environ["DISTCC_DIR"], exist_ok=True)
        log(f"distributed: DISTCC_HOSTS={daemons.hosts()}, launchers ccache + distcc, "
            f"-j{args.jobs}")
        harness.setup()
        if os.path.isdir(harness.build):
            run(harness.clean_cmd)
        runs = []  # (label, seconds, hits, misses, compiles on the daemons)
        uncached = set()
        for i in range(args.iterations + 1):
            label = "cold" if i == 0 else f"clean {i}"
            if i:
                run(harness.clean_cmd)
            run(["ccache", "--zero-stats"])
            with open(os.environ["CCACHE_LOGFILE"], "w"):
                pass
            before = sum(daemons.jobs())
            started = time.time() - 1
            try:
                elapsed = harness.build_all(["regen-all", "python"])
            except CheckFailed as error:
                raise CheckFailed(f"distributed: {label} build: {error}")
            stats = ccache_stats(os.environ)
            hits = stats.get("direct_cache_hit", 0) + stats.get("preprocessed_cache_hit", 0)
            misses = stats.get("cache_miss", 0)
            remote = sum(daemons.jobs()) - before
            objects = fresh_objects(harness.build, started)
            runs.append((label, elapsed, hits, misses, remote))
            log(f"distributed: {label} `{args.tool} -j{args.jobs} regen-all python`: "
                f"{elapsed:.0f} s, {objects} objects written, ccache {hits} hits {misses} "
                f"misses, {remote} compiles on the daemons "
                f"({'/'.join(map(str, daemons.jobs()))} in all)")
            harness.check_tree()
            run([harness.python, "-c", "import _weakref, posix"])
            if objects != hits + misses:
                raise CheckFailed(f"distributed: {label}: {objects} objects written, ccache "
                                  f"served or compiled {hits + misses}: compiles bypassed ccache")
            if remote != misses:
                raise CheckFailed(f"distributed: {label}: ccache missed {misses} times but the "
                                  f"daemons compiled {remote}: compiles ran elsewhere")
            if i == 0 and (misses == 0 or any(n == 0 for n in daemons.jobs())):
                raise CheckFailed(f"distributed: the cold build compiled nothing on a daemon "
                                  f"({misses} misses, {daemons.jobs()} compiles)")
            # A clean build from the cache misses only what compiles the build time in
            # (__TIME__: Modules/getbuildinfo.c, which CPython's Makefile rebuilds every time too).
            missed = ccache_misses(os.environ["CCACHE_LOGFILE"])
            timed = sorted(os.path.relpath(source, harness.src) for source, t in missed.items() if t)
            if i and (not hits or len(missed) != misses or len(timed) != misses):
                raise CheckFailed(f"distributed: {label}: not served from the cache "
                                  f"({hits} hits, {misses} misses: {sorted(missed)[:10]})")
            if i:
                log(f"distributed: {label}: missed only {', '.join(timed) or 'nothing'} "
                    f"(__TIME__)")
                uncached.update(timed)
        cold = runs[0]
        warm = runs[1:]
        figures.append(
            f"distributed (ccache + distcc, 2 daemons, `{args.tool} -j{args.jobs} regen-all "
            f"python`): cold {cold[1]:.0f} s ({cold[3]} compiles on the daemons); "
            + ", ".join(f"{label} {seconds:.0f} s ({hits} hits, {misses} misses)"
                        for label, seconds, hits, misses, _ in warm)
            + f"; the misses: {', '.join(sorted(uncached)) or 'none'} (__TIME__)"
            + f"; {len(runs)} of {len(runs)} builds passed")
        log(figures[-1])
    finally:
        daemons.stop()
        os.environ.clear()
        os.environ.update(saved)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checks", nargs="+",
                        choices=["build", "regrtest", "noop", "precise", "staged-rewrites",
                                 "clean", "repeat", "clinic", "compare", "distributed", "verify", "keep"])
    parser.add_argument("--work", required=True, help="scratch directory (reused)")
    parser.add_argument("--sources", help="pristine CPython 3.11 tree (default: fetch-sources.sh "
                        "into <work>/cpython-pristine)")
    parser.add_argument("--atomicgen-executable", help="a built helper (default: build one)")
    parser.add_argument("--cmake", default="cmake")
    parser.add_argument("--ninja", default=shutil.which("ninja") or "ninja")
    parser.add_argument("--make", default=shutil.which("make") or "make")
    parser.add_argument("--tool", default="ninja", choices=["ninja", "make"],
                        help="build tool of build/clean/repeat/clinic/compare (noop: ninja only)")
    parser.add_argument("--jobs", type=int, default=16)
    parser.add_argument("--test-jobs", type=int, default=2, help="regrtest -j")
    parser.add_argument("--iterations", type=int, default=2)
    parser.add_argument("--opt", default="-DNDEBUG -g -fwrapv -O1 -Wall",
                        help="CPYTHON_OPT (CPython's own is -O3: slower to build)")
    parser.add_argument("--wiring", default="atomicgen", choices=["atomicgen", "naive"])
    parser.add_argument("--naive-chunks", type=int, default=1,
                        help="compare: the naive clinic writes each header in this many pieces")
    parser.add_argument("--compare-wirings", default="naive,atomicgen",
                        help="compare: the wirings to run, comma-separated")
    parser.add_argument("--naive-delay", type=float, default=0.0,
                        help="compare: seconds between two pieces")
    parser.add_argument("--slow-writes", type=float, default=0.0,
                        help="CPYTHON_SLOW_WRITES of every configured build (both wirings): "
                        "seconds every file a regeneration step writes stays empty")
    parser.add_argument("--compile-pool", type=int, default=0,
                        help="Ninja: run the compilations in a pool of this many jobs (less "
                        "than --jobs leaves slots for the regeneration steps; 0: no pool)")
    args = parser.parse_args()

    harness = Harness(args)
    try:
        if args.checks != ["distributed"]:  # distributed sets up a tree of its own
            harness.setup()
        for check in args.checks:
            if check == "compare":
                check_compare(harness)
            elif check == "distributed":
                harness.figures += check_distributed(args)
            elif check in ("repeat", "clinic"):
                harness.check_repeat(clinic=(check == "clinic"))
            else:
                getattr(harness, f"check_{check.replace('-', '_')}")()
    except SetupError as error:
        log(f"cpython_check: setup error: {error}")
        return 2
    except CheckFailed as error:
        log(f"cpython_check: FAILED: {error}")
        return 1
    finally:
        if harness.figures:
            log("\nfigures:\n  " + "\n  ".join(harness.figures))
    log("cpython_check: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
