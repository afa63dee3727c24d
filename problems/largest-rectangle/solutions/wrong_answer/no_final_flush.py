# Bug: bars still on the stack at the end are never measured (no sentinel bar of height 0).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    heights = [int(x) for x in data[1:1 + n]]
    starts, tops = [], []
    best = 0
    for i, h in enumerate(heights):
        start = i
        while tops and tops[-1] >= h:
            start = starts.pop()
            best = max(best, tops.pop() * (i - start))
        starts.append(start)
        tops.append(h)
    print(best)


main()
