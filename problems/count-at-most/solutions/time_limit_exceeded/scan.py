# Correct, but scans the whole array for every query: O(n * q).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    values = [int(v) for v in data[2:2 + n]]
    out = []
    for x in data[2 + n:2 + n + q]:
        x = int(x)
        count = 0
        for v in values:
            if v <= x:
                count += 1
        out.append(count)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
