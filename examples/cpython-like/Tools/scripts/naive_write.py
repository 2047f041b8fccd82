"""The file writer every generator of this example uses: CPython's before GH-23362.

It opens the destination with open(path, "w"), which truncates it at once, then writes the text in
``chunks`` pieces, flushing each one, and sleeping ``delay`` seconds between pieces. A reader that
opens the file meanwhile sees an empty or partial file. It always rewrites, even identical bytes.

``chunks`` and ``delay`` only widen the window that exists anyway (a real write is a few syscalls);
both wirings of the example pass the generators the very same values.

Every generated file ends with a trailer line carrying a hash of everything before it, so a reader
(the stress driver) can tell a complete file from a torn one: see ``trailer()``.
"""
import argparse
import sys
import time


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Adds --chunks and --delay to a generator's command line."""
    parser.add_argument("--chunks", type=int, default=1,
                        help="write each file in this many flushed pieces (default 1)")
    parser.add_argument("--delay", type=float, default=0.0,
                        help="seconds to sleep between two pieces (default 0)")


def digest(text: str) -> str:
    """FNV-1a (64 bits) of the UTF-8 bytes, as 16 hex digits: the hash every trailer carries."""
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def trailer(body: str, tool: str) -> str:
    """The generic last line of a generated file: `/* [generated end: <tool> fnv1a=<digest>] */`."""
    return f"/* [generated end: {tool} fnv1a={digest(body)}] */\n"


def _pieces(text: str, chunks: int):
    chunks = max(1, chunks)
    size = max(1, -(-len(text) // chunks))
    for start in range(0, len(text), size):
        yield text[start:start + size]


def write_stream(stream, text: str, chunks: int, delay: float) -> None:
    """Writes text to an open stream piecewise, flushing each piece."""
    for index, piece in enumerate(_pieces(text, chunks)):
        if index and delay > 0:
            time.sleep(delay)
        stream.write(piece)
        stream.flush()


def write_file(path: str, text: str, chunks: int, delay: float) -> None:
    """Rewrites path in place, non-atomically (see the module docstring)."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        write_stream(out, text, chunks, delay)


def write_stdout(text: str, chunks: int, delay: float) -> None:
    """Writes text to standard output piecewise (the shell's `> file` truncated it already)."""
    write_stream(sys.stdout, text, chunks, delay)
