import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    heights = [int(x) for x in data[1:1 + n]]
    heights.append(0)  # a final bar of height 0 pops everything left on the stack
    starts, tops = [], []  # increasing heights, each with the leftmost index it extends to
    best = 0
    for i, h in enumerate(heights):
        start = i
        while tops and tops[-1] >= h:
            start = starts.pop()
            area = tops.pop() * (i - start)
            if area > best:
                best = area
        starts.append(start)
        tops.append(h)
    print(best)


main()
