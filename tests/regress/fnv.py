"""Names that all collide under 32-bit FNV-1a, the hash dlg's symbol table
used before it was keyed: a multicollision built block by block (Joux's
method). From the hash state after the blocks chosen so far, two 4-byte
blocks that give the same state are found by the birthday paradox; every
choice among the pairs of k blocks gives one of 2^k names with one hash.

    python3 fnv.py K > names.txt      # 2^K names (K <= 16), one per line
    python3 fnv.py --search K         # find the pairs again (minutes)

The pairs below are what --search 16 finds; the script checks that every
name it writes has the same hash.
"""
import itertools
import sys

OFFSET, PRIME, MASK = 2166136261, 16777619, 0xFFFFFFFF
ALPHABET = b"abcdefghijklmnopqrstuvwxyz0123456789_"
PAIRS = [(b"b4_u", b"0wxa"), (b"kvi_", b"3pam"), (b"o1x_", b"1tak")] + [(b"n1x_", b"0tak")] * 13


def step(h, data):
    for c in data:
        h = ((h ^ c) * PRIME) & MASK
    return h


def search(k):
    h = step(OFFSET, b"n")            # every name starts with a letter
    pairs = []
    for _ in range(k):
        seen = {}
        for block in itertools.product(ALPHABET, repeat=4):
            b = bytes(block)
            g = step(h, b)
            if g in seen:
                pairs.append((seen[g], b))
                h = g
                break
            seen[g] = b
    return pairs


def main():
    if sys.argv[1] == "--search":
        print(search(int(sys.argv[2])))
        return
    k = int(sys.argv[1])
    out = sys.stdout.buffer
    hashes = set()
    for choice in itertools.product((0, 1), repeat=k):
        name = b"n" + b"".join(p[c] for p, c in zip(PAIRS[:k], choice))
        hashes.add(step(OFFSET, name))
        out.write(name + b"\n")
    if len(hashes) != 1:
        raise SystemExit("the names do not collide")


main()
