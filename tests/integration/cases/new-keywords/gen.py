#!/usr/bin/env python3
# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
"""The generator of the new-keywords case.

gen.py --input <defs> --output <file>... [--byproduct <log>] [--runs <file>] [--tag <tag>]

Reads NAME VALUE lines (``#`` lines are comments: editing one re-runs the generator with identical
output; a line NOLOG makes it skip the byproduct) and writes each output: a ``.h`` declares
``int <stem>_value(void);`` and a ``.c`` defines it as the sum of the values.  The byproduct, a log,
says what was written and is the same for the same definitions.  --runs appends "<tag> end".
"""

import argparse
import os


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", action="append", required=True)
    parser.add_argument("--byproduct")
    parser.add_argument("--runs")
    parser.add_argument("--tag", default="gen")
    args = parser.parse_args()

    values, write_log = [], True
    with open(args.input, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            if words[0] == "NOLOG":
                write_log = False
            else:
                values.append((words[0], int(words[1])))
    total = sum(value for _, value in values)
    log = []
    for path in args.output:
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, "w", encoding="utf-8") as out:
            if path.endswith(".c"):
                out.write(f"int {stem}_value(void) {{ return {total}; }}\n")
            else:
                out.write(f"int {stem}_value(void);\n")
        log.append(f"wrote {os.path.basename(path)}")
    log.append(f"total {total}")
    if args.byproduct and write_log:
        with open(args.byproduct, "w", encoding="utf-8") as out:
            out.write("\n".join(log) + "\n")
    if args.runs:
        with open(args.runs, "a", encoding="utf-8") as out:
            out.write(f"{args.tag} end\n")


if __name__ == "__main__":
    main()
