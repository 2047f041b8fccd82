#!/usr/bin/env python3
# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
"""A code generator for the fault-injection tests: writes known bytes slowly, in chunks.

  slow_generator.py [--stdout] [--version <v> | --version-file <file>] [--size <bytes>]
                    [--size-of <name>=<bytes>]... [--chunks <n>] [--delay <s>] [--marker <file>] [--log <file>]
                    [--big <bytes>] [--flip <offset>] [--fail] [<output>...]

Every output gets content(<its base name>, <version>, <size>) (see content() below; the fault
driver computes the same bytes to hash-check what a reader sees), written in <n> chunks with <s>
seconds between them, all outputs interleaved, so a kill lands in the middle of a write.  With
--stdout the content of the key "stdout" goes to standard output instead.  --marker creates a file
once writing has begun; --log appends one line per run (to count runs).  --big writes <bytes> of a
fixed 1 MiB pattern (with the byte at --flip changed) to standard output, fast.  --fail exits 1
after writing.  Errors (a full disk, ...) are reported as one line "slow_generator: ..." and exit 1.
"""

import argparse
import os
import sys
import time

LINE = 64


def content(key, version, size):
    """Deterministic bytes: a header naming key and version, filler lines, a trailer line.

    Versions of one key have the same size and differ in their first and last line, so a byte
    comparison has to read the whole file, and a torn file (head of one version, tail of another)
    matches neither.  Every line is a C++ comment, so the bytes are a valid header.
    """
    head = f"// {key} version {version}\n".encode()
    tail = f"// end of {key} version {version}\n".encode()
    if size < len(head) + len(tail):
        return (head + tail)[:size]
    body_size = size - len(head) - len(tail)
    line = f"// {key} filler ".ljust(LINE - 1, "x").encode()[: LINE - 1] + b"\n"
    filler = line * (body_size // LINE + 1)
    return head + filler[:body_size] + tail


def big_pattern():
    return bytes((i * 7 + 3) % 251 for i in range(1 << 20))


def write_all(fd, data):
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stdout", action="store_true")
    parser.add_argument("--version", default="0")
    parser.add_argument("--version-file")
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--size-of", action="append", default=[], metavar="NAME=BYTES")
    parser.add_argument("--chunks", type=int, default=1)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--marker")
    parser.add_argument("--log")
    parser.add_argument("--big", type=int)
    parser.add_argument("--flip", type=int, default=-1)
    parser.add_argument("--fail", action="store_true")
    parser.add_argument("outputs", nargs="*")
    args = parser.parse_args()

    version = args.version
    if args.version_file:
        with open(args.version_file, encoding="utf-8") as f:
            version = f.read().strip()
    if args.log:
        with open(args.log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {version}\n")

    try:
        if args.big is not None:
            pattern = big_pattern()
            for offset in range(0, args.big, len(pattern)):
                piece = pattern[: min(len(pattern), args.big - offset)]
                if offset <= args.flip < offset + len(piece):
                    changed = bytearray(piece)
                    changed[args.flip - offset] ^= 0xFF
                    piece = bytes(changed)
                write_all(1, piece)
            return 1 if args.fail else 0

        # (fd, bytes) for every destination; stdout first.
        targets = []
        if args.stdout:
            targets.append((1, content("stdout", version, args.size)))
        sizes = dict(item.split("=", 1) for item in args.size_of)
        for output in args.outputs:
            name = os.path.basename(output)
            fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            targets.append((fd, content(name, version, int(sizes.get(name, args.size)))))
        chunks = max(1, args.chunks)
        for i in range(chunks):
            if i == 1 and args.marker:
                open(args.marker, "w").close()
            for fd, data in targets:
                begin = len(data) * i // chunks
                end = len(data) * (i + 1) // chunks
                write_all(fd, data[begin:end])
            if i + 1 < chunks and args.delay > 0:
                time.sleep(args.delay)
        if args.marker and chunks == 1:
            open(args.marker, "w").close()
        for fd, _ in targets:
            if fd != 1:
                os.close(fd)
    except OSError as error:
        print(f"slow_generator: {error}", file=sys.stderr)
        return 1
    return 1 if args.fail else 0


if __name__ == "__main__":
    sys.exit(main())
