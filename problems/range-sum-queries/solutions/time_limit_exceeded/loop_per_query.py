# Correct but O(n) per query: O(n * q) in all.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    out = []
    pos = 2 + n
    for _ in range(q):
        l, r = int(data[pos]), int(data[pos + 1])
        pos += 2
        total = 0
        for i in range(l - 1, r):
            total += a[i]
        out.append(total)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
