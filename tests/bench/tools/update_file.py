"""CPython's write-if-changed step (the shape of Tools/build/update_file.py, written here from its
description): compare the new file with the target; replace the target with os.replace() when they
differ, remove the new file when they are equal.

    python3 update_file.py <target> <new-file>
"""
import os
import sys


def update_file_with_tmpfile(filename, tmpfile):
    try:
        with open(filename, "rb") as f:
            old = f.read()
    except FileNotFoundError:
        os.replace(tmpfile, filename)
        return True
    with open(tmpfile, "rb") as f:
        new = f.read()
    if old == new:
        os.unlink(tmpfile)
        return False
    os.replace(tmpfile, filename)
    return True


if __name__ == "__main__":
    update_file_with_tmpfile(sys.argv[1], sys.argv[2])
