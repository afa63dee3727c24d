# Correct, but inserts each interval into an unsorted list of blocks: O(n * blocks).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    blocks = []
    for i in range(n):
        l, r = int(data[1 + 2 * i]), int(data[2 + 2 * i])
        kept = []
        for bl, br in blocks:
            if bl <= r and l <= br:
                l, r = min(l, bl), max(r, br)
            else:
                kept.append((bl, br))
        kept.append((l, r))
        blocks = kept
    print(len(blocks), sum(r - l for l, r in blocks))


main()
