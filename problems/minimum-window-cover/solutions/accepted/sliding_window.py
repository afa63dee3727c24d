import sys


def main():
    s, t = sys.stdin.buffer.read().split()
    need = [0] * 128  # letters still needed (negative: more than needed in the window)
    for c in t:
        need[c] += 1
    missing = len(t)
    best_len, best_start = len(s) + 1, -1
    left = 0
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        if missing == 0:
            while need[s[left]] < 0:  # drop letters the window has to spare
                need[s[left]] += 1
                left += 1
            if right - left + 1 < best_len:
                best_len, best_start = right - left + 1, left
            need[s[left]] += 1  # give up the first letter: the window now misses one
            missing += 1
            left += 1
    print(-1 if best_start < 0 else f"{best_len} {best_start + 1}")


main()
