#!/usr/bin/env python3
# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
"""A slow generator: writes each output in place, in --pieces pieces, sleeping --delay before each.

With --run-log <file> (outside the outputs' directories) it appends "<start> <end>" (monotonic
clock, seconds) to it when done: the driver checks that no two runs overlapped.

Each output is a header defining SHARED_VALUE (from --input) followed by padding, so that a reader
that sees a piece of it sees a file with no closing line."""
import argparse
import time

parser = argparse.ArgumentParser()
parser.add_argument("--input", required=True)
parser.add_argument("--pieces", type=int, default=20)
parser.add_argument("--delay", type=float, default=0.05)
parser.add_argument("--run-log")
parser.add_argument("outputs", nargs="+")
args = parser.parse_args()
started = time.monotonic()

with open(args.input, encoding="utf-8") as f:
    value = int(f.read().strip())
lines = [f"#define SHARED_VALUE {value}\n"]
lines += [f"/* padding {i:04d} of value {value} */\n" for i in range(200)]
lines.append("/* end of the generated header */\n")
text = "".join(lines).encode()
for output in args.outputs:
    with open(output, "wb") as f:
        step = -(-len(text) // args.pieces)
        for start in range(0, len(text), step):
            time.sleep(args.delay)
            f.write(text[start:start + step])
            f.flush()
if args.run_log:
    with open(args.run_log, "a", encoding="utf-8") as f:
        f.write(f"{started:.6f} {time.monotonic():.6f}\n")
