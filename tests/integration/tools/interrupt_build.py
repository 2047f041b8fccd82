#!/usr/bin/env python3
# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
"""Interrupt a build the way Ctrl-C in a terminal does, at a chosen moment.

  interrupt_build.py --marker <file> [--delay <s>] [--timeout <s>] -- <command> [<arg>...]

Starts <command> as the leader of a new process group, waits until <file> exists (the generator
under test creates it once it has begun writing), waits --delay seconds more, then sends SIGINT to
the whole process group, as a terminal does.  Prints the command's output and one line
"interrupt_build: sent SIGINT; build exited with <status>".  Exit status: 0 if the build was
interrupted mid-run, 2 if it ended before the marker appeared (nothing was interrupted), 3 if it
did not stop within --timeout seconds after the signal (it is then killed).
"""

import argparse
import os
import signal
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--marker", required=True)
    parser.add_argument("--delay", type=float, default=0.3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.monotonic() + args.timeout
    while not os.path.exists(args.marker):
        if proc.poll() is not None or time.monotonic() > deadline:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            out = proc.communicate()[0]
            sys.stdout.write(out.decode(errors="replace"))
            print(f"interrupt_build: the build ended (status {proc.returncode}) before "
                  f"{args.marker} appeared: nothing was interrupted")
            return 2
        time.sleep(0.01)
    time.sleep(args.delay)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        out = proc.communicate(timeout=args.timeout)[0]
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out = proc.communicate()[0]
        sys.stdout.write(out.decode(errors="replace"))
        print("interrupt_build: the build did not stop after SIGINT; killed")
        return 3
    sys.stdout.write(out.decode(errors="replace"))
    print(f"interrupt_build: sent SIGINT; build exited with {proc.returncode}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
