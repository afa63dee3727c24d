import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    nums = list(map(int, data[1:1 + 2 * n]))
    intervals = sorted(zip(nums[0::2], nums[1::2]))
    blocks, total = 0, 0
    cur_l, cur_r = intervals[0]
    for l, r in intervals[1:]:
        if l <= cur_r:
            if r > cur_r:
                cur_r = r
        else:
            blocks += 1
            total += cur_r - cur_l
            cur_l, cur_r = l, r
    blocks += 1
    total += cur_r - cur_l
    print(blocks, total)


main()
