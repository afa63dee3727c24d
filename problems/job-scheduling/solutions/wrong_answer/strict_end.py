# Bug: treats a job that starts exactly when another ends as overlapping.
import sys
from bisect import bisect_left


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    nums = list(map(int, data[1:1 + 3 * n]))
    jobs = sorted(zip(nums[1::3], nums[0::3], nums[2::3]))
    ends = [e for e, _, _ in jobs]
    best = [0] * (n + 1)
    for k, (_, start, pay) in enumerate(jobs):
        best[k + 1] = max(best[k], best[bisect_left(ends, start, 0, k)] + pay)
    print(best[n])


main()
