#!/usr/bin/env python3
"""Run several commands one after the other, as the lines of one Makefile recipe.

    sequence.py <command> [<arg>...] [+++ <command> [<arg>...]]...

Stops at the first command that fails and exits with its status (1 if it was killed by a signal),
so that one add_generated_source() can run a recipe of several commands (CPython's blake2s rule:
blake2b2s.py, then clinic.py -f).
"""
import subprocess
import sys

SEPARATOR = "+++"


def main(argv):
    commands = [[]]
    for arg in argv:
        if arg == SEPARATOR:
            commands.append([])
        else:
            commands[-1].append(arg)
    if any(not command for command in commands):
        print(f"usage: {sys.argv[0]} <command> [<arg>...] [{SEPARATOR} <command> ...]...",
              file=sys.stderr)
        return 2
    for command in commands:
        status = subprocess.call(command)
        if status != 0:
            return status if status > 0 else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
