# Correct, but tries every pair: O(n^2).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(v) for v in data[2:2 + n]]
    pairs = 0
    for i in range(n):
        want = k - a[i]
        for j in range(i + 1, n):
            if a[j] == want:
                pairs += 1
    print(pairs)


main()
