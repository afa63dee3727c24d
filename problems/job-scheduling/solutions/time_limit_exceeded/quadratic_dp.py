# Correct, but looks through every earlier job for each job: O(n^2).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    nums = list(map(int, data[1:1 + 3 * n]))
    jobs = sorted(zip(nums[1::3], nums[0::3], nums[2::3]))
    best = []  # best[k]: most pay with job k as the last one taken
    for k, (_, start, pay) in enumerate(jobs):
        before = 0
        for j in range(k):
            if jobs[j][0] <= start and best[j] > before:
                before = best[j]
        best.append(before + pay)
    print(max(best))


main()
