import sys
from bisect import bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    values = sorted(map(int, data[2:2 + n]))
    queries = map(int, data[2 + n:2 + n + q])
    sys.stdout.write("\n".join(str(bisect_right(values, x)) for x in queries) + "\n")


main()
