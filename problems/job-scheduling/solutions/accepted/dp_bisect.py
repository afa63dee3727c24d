# Jobs by end time; best[k] = most pay using only the first k jobs. Job k either is skipped, or is
# taken after the best of the jobs that end by its start (found by binary search).
import sys
from bisect import bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    nums = list(map(int, data[1:1 + 3 * n]))
    jobs = sorted(zip(nums[1::3], nums[0::3], nums[2::3]))  # (end, start, pay)
    ends = [e for e, _, _ in jobs]
    best = [0] * (n + 1)
    for k, (_, start, pay) in enumerate(jobs):
        taken = best[bisect_right(ends, start, 0, k)] + pay
        best[k + 1] = taken if taken > best[k] else best[k]
    print(best[n])


main()
