#!/usr/bin/env python3
"""Argument Clinic with the writer it had before GH-23362: the negative control's clinic.

    naive_clinic.py [--chunks N] [--delay SECONDS] <path/to/clinic.py> <clinic arguments>...

Loads CPython's own Tools/clinic/clinic.py unchanged and replaces only its write_file(): instead
of comparing and renaming a complete temporary file over the destination (3.11), it opens the
destination with "w" (truncating it at once) and writes the text, always, even when nothing
changed, as clinic did when Fedora hit bpo-42398. --chunks/--delay write the text in N flushed
pieces with a pause between them, to widen the window in which a compiler can read a torn header
(default: one piece, no pause). Used only by -DCPYTHON_WIRING=naive.
"""
import argparse
import importlib.util
import os
import sys
import time


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--chunks", type=int, default=1)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("clinic")
    options, rest = parser.parse_known_args()

    sys.argv = [options.clinic] + rest
    sys.path.insert(0, os.path.dirname(os.path.abspath(options.clinic)))
    spec = importlib.util.spec_from_file_location("clinic", options.clinic)
    clinic = importlib.util.module_from_spec(spec)
    sys.modules["clinic"] = clinic
    spec.loader.exec_module(clinic)

    def write_file(filename, new_contents):
        chunks = max(1, options.chunks)
        size = -(-len(new_contents) // chunks) or 1
        with open(filename, "w", encoding="utf-8") as f:
            for start in range(0, len(new_contents), size):
                f.write(new_contents[start:start + size])
                f.flush()
                if options.delay:
                    time.sleep(options.delay)

    clinic.write_file = write_file
    return clinic.main(rest)


if __name__ == "__main__":
    sys.exit(main())
