# Bug: merges only when intervals overlap strictly, so touching intervals stay apart.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    nums = list(map(int, data[1:1 + 2 * n]))
    intervals = sorted(zip(nums[0::2], nums[1::2]))
    merged = [list(intervals[0])]
    for l, r in intervals[1:]:
        if l < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], r)
        else:
            merged.append([l, r])
    print(len(merged), sum(r - l for l, r in merged))


main()
