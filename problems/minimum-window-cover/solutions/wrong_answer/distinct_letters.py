# Bug: needs each letter of t once, ignoring how many times t repeats it.
import sys


def main():
    s, t = sys.stdin.read().split()
    need = {c: 1 for c in set(t)}
    have = {}
    covered = 0
    best_len, best_start = len(s) + 1, -1
    left = 0
    for right, c in enumerate(s):
        have[c] = have.get(c, 0) + 1
        if c in need and have[c] == need[c]:
            covered += 1
        while covered == len(need):
            if right - left + 1 < best_len:
                best_len, best_start = right - left + 1, left
            d = s[left]
            have[d] -= 1
            if d in need and have[d] < need[d]:
                covered -= 1
            left += 1
    print(-1 if best_start < 0 else f"{best_len} {best_start + 1}")


main()
