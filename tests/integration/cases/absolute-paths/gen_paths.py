#!/usr/bin/env python3
# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
"""The absolute-paths case's own generator: writes the paths it was given into its outputs.

  gen_paths.py --header <paths.h> --python <paths.py>

Each output says where it was generated and names the other output, as the paths were given on
the command line (absolute or relative), like a generator that embeds its output path.
"""

import argparse


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--header", required=True)
    parser.add_argument("--python", required=True)
    args = parser.parse_args()
    with open(args.header, "w", encoding="utf-8") as f:
        f.write(f"/* generated as {args.header} by gen_paths.py */\n")
        f.write(f"#define GENERATED_AS {c_string(args.header)}\n")
        f.write(f"#define GENERATED_BESIDE {c_string(args.python)}\n")
    with open(args.python, "w", encoding="utf-8") as f:
        f.write(f"# generated as {args.python} by gen_paths.py\n")
        f.write(f"GENERATED_AS = {args.python!r}\n")
        f.write(f"GENERATED_BESIDE = {args.header!r}\n")
        f.write("print(GENERATED_AS)\n")


if __name__ == "__main__":
    main()
