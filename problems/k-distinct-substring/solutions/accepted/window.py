import sys


def main():
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    s = data[1]
    count = [0] * 128
    distinct = 0
    left = 0
    best = 0
    for right, c in enumerate(s):
        if count[c] == 0:
            distinct += 1
        count[c] += 1
        while distinct > k:
            d = s[left]
            count[d] -= 1
            if count[d] == 0:
                distinct -= 1
            left += 1
        if right - left + 1 > best:
            best = right - left + 1
    print(best)


main()
