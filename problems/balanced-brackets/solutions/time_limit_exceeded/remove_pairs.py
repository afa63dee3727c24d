# Correct, but deletes adjacent matched pairs until none is left: one pass per nesting level.
import sys


def balanced(s):
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == s:
            return s == ""
        s = shorter


def main():
    lines = sys.stdin.read().split()
    t = int(lines[0])
    print("\n".join("YES" if balanced(s) else "NO" for s in lines[1:1 + t]))


main()
