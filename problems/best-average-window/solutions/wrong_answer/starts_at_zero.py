# Bug: the best sum starts at 0 instead of the first window's, so all-negative inputs print 0.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    window = 0
    best = 0
    for i in range(n):
        window += a[i]
        if i >= k:
            window -= a[i - k]
        if i >= k - 1 and window > best:
            best = window
    print(f"{best / k:.9f}")


main()
