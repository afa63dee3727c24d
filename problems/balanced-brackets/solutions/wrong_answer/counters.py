# Bug: one counter per bracket type checks counts but not order, so "([)]" passes.
import sys


def balanced(s):
    depth = {"(": 0, "[": 0, "{": 0}
    opener = {")": "(", "]": "[", "}": "{"}
    for c in s:
        if c in depth:
            depth[c] += 1
        else:
            depth[opener[c]] -= 1
            if depth[opener[c]] < 0:
                return False
    return all(v == 0 for v in depth.values())


def main():
    lines = sys.stdin.read().split()
    t = int(lines[0])
    print("\n".join("YES" if balanced(s) else "NO" for s in lines[1:1 + t]))


main()
