#!/usr/bin/python3
"""Writes data/sample and data/secret (.in: JSON arguments, .ans: JSON answer) for bounded-sum-segments.

Seeded: the same files on every run. Answers come from the reference implementation below
(prefix sums and a Fenwick tree over their ranks), checked against brute force on small inputs.
"""
import bisect
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_V = 10**9
MAX_BOUND = 10**15


def reference(nums, lower, upper):
    prefix = [0]
    for x in nums:
        prefix.append(prefix[-1] + x)
    ranks = sorted(set(prefix))
    tree = [0] * (len(ranks) + 1)

    def add(i):
        i += 1
        while i <= len(ranks):
            tree[i] += 1
            i += i & -i

    def count_below(i):  # how many stored prefixes have rank < i
        total = 0
        while i > 0:
            total += tree[i]
            i -= i & -i
        return total

    answer = 0
    for p in prefix:
        # earlier prefixes q with lower <= p - q <= upper, i.e. p - upper <= q <= p - lower
        answer += count_below(bisect.bisect_right(ranks, p - lower)) - count_below(bisect.bisect_left(ranks, p - upper))
        add(bisect.bisect_left(ranks, p))
    return answer


def brute(nums, lower, upper):
    count = 0
    for i in range(len(nums)):
        total = 0
        for j in range(i, len(nums)):
            total += nums[j]
            count += lower <= total <= upper
    return count


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, nums, lower, upper):
    assert 1 <= len(nums) <= MAX_N and all(abs(v) <= MAX_V for v in nums)
    assert -MAX_BOUND <= lower <= upper <= MAX_BOUND
    answer = reference(nums, lower, upper)
    if len(nums) <= 2000:
        assert answer == brute(nums, lower, upper)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([nums, lower, upper]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(answer) + "\n")


def main():
    rng = random.Random(5150)
    write("sample", 1, [3, -2, 4, -1], 1, 4)
    write("sample", 2, [5, -5, 5], 0, 0)
    write("sample", 3, [-7], -10, -8)

    write("secret", 1, [4], 4, 4)
    write("secret", 2, [4], 5, 10)
    write("secret", 3, [0, 0, 0, 0, 0], 0, 0)  # every segment: 15
    write("secret", 4, [-3, -3, -3], -6, -3)
    write("secret", 5, [MAX_V, MAX_V, -MAX_V, MAX_V], 2 * MAX_V, 3 * MAX_V)
    write("secret", 6, [-MAX_V] * 6, -MAX_BOUND, -5 * MAX_V)
    write("secret", 7, [2, -1, 2, -1, 2], 10, 20)  # nothing reaches the range
    write("secret", 8, [1, 2, 3, 4, 5, 6], 6, 6)
    write("secret", 9, [rng.randint(-10, 10) for _ in range(50)], -3, 4)
    write("secret", 10, [rng.randint(-MAX_V, MAX_V) for _ in range(2000)], -5 * MAX_V, 7 * MAX_V)

    # large: every segment counts, 100000 * 100001 / 2 = 5000050000 is past 32 bits
    write("secret", 11, [rng.randint(-1000, 1000) for _ in range(MAX_N)], -MAX_BOUND, MAX_BOUND)
    # large: all zeros, the range holds 0: again every segment
    write("secret", 12, [0] * MAX_N, -1, 0)
    # large: sums past 32 bits with a narrow window
    write("secret", 13, [rng.randint(-MAX_V, MAX_V) for _ in range(MAX_N)], 10**11, 3 * 10**11)
    write("secret", 14, [rng.randint(-100, 100) for _ in range(MAX_N)], -50, 50)
    write("secret", 15, [rng.randint(1, MAX_V) for _ in range(40_000)], 5 * 10**12, 10**13)


if __name__ == "__main__":
    main()
