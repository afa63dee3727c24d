# Bug: keys on the set of letters, so "aab" and "abb" land in the same group.
import sys
from collections import Counter


def main():
    words = sys.stdin.read().split()[1:]
    groups = Counter("".join(sorted(set(w))) for w in words)
    print(len(groups), max(groups.values()))


main()
