# Correct, but the textbook O(n^2) dynamic programme.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    best = [1] * n
    for i in range(n):
        ai = a[i]
        for j in range(i):
            if a[j] < ai and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
    print(max(best))


main()
