#!/usr/bin/python3
"""Writes data/sample and data/secret for shared-free-slots (seeded: the same files on every run)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 50_000
MAX_T = 10**9


def reference(busy, day_start, day_end):
    free = []
    cursor = day_start  # everything before cursor is accounted for
    for start, end in sorted(busy):
        if start > cursor:
            free.append([cursor, min(start, day_end)])
        cursor = max(cursor, end)
        if cursor >= day_end:
            break
    if cursor < day_end:
        free.append([cursor, day_end])
    return [slot for slot in free if slot[0] < slot[1]]


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, busy, day_start, day_end):
    assert 0 <= len(busy) <= MAX_N and 0 <= day_start < day_end <= MAX_T
    assert all(len(b) == 2 and 0 <= b[0] < b[1] <= MAX_T for b in busy)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([busy, day_start, day_end]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(reference(busy, day_start, day_end)) + "\n")


def random_busy(rng, n, lo, hi, longest):
    out = []
    for _ in range(n):
        s = rng.randint(lo, hi - 1)
        out.append([s, min(hi, s + rng.randint(1, longest))])
    return out


def main():
    rng = random.Random(31337)
    write("sample", 1, [[540, 600], [630, 700], [560, 620], [800, 830]], 480, 900)
    write("sample", 2, [[100, 200], [200, 300]], 100, 300)
    write("sample", 3, [], 0, 60)

    write("secret", 1, [[0, MAX_T]], 0, MAX_T)  # busy all day
    write("secret", 2, [], 0, MAX_T)  # nobody is busy
    write("secret", 3, [[0, 10], [50, 100]], 20, 40)  # meetings entirely outside the day
    write("secret", 4, [[5, 30], [10, 15], [20, 25], [40, 45]], 0, 50)  # nested inside a long one
    write("secret", 5, [[10, 20], [10, 20], [10, 20], [20, 30]], 0, 40)  # duplicates, touching
    write("secret", 6, [[0, 15], [35, 60]], 10, 40)  # overlapping both ends of the day
    write("secret", 7, [[7, 8]], 7, 8)  # a one-minute day, fully booked
    write("secret", 8, [[3, 4], [1, 2]], 0, 5)
    write("secret", 9, random_busy(rng, 300, 0, 2000, 15), 100, 1900)
    write("secret", 10, random_busy(rng, 5000, 0, MAX_T, 10**5), 10**8, 9 * 10**8)
    # large: mostly separate meetings (merging into a scanned list of blocks is quadratic)
    starts = sorted(rng.sample(range(MAX_T // 3), 25_000))
    separate = [[3 * s, 3 * s + rng.randint(1, 3)] for s in starts]
    rng.shuffle(separate)
    write("secret", 11, separate, 0, MAX_T)
    write("secret", 12, random_busy(rng, 30_000, 0, 240_000, 12), 1000, 239_000)
    ladder = [[2 * i + 1, 2 * i + 2] for i in range(MAX_N - 2)][::-1]
    write("secret", 13, ladder + [[10, 300], [5000, 90_000]], 0, 2 * MAX_N + 10)  # nested long ones


if __name__ == "__main__":
    main()
