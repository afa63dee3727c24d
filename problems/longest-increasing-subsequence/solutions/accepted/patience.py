import sys
from bisect import bisect_left


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    # tails[k]: the smallest last element of a strictly increasing subsequence of length k + 1
    tails = []
    for token in data[1:1 + n]:
        a = int(token)
        k = bisect_left(tails, a)
        if k == len(tails):
            tails.append(a)
        else:
            tails[k] = a
    print(len(tails))


main()
