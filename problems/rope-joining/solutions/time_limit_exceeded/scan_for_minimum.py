# Correct, but finds the two shortest ropes with a linear scan every time: O(n^2).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    ropes = list(map(int, data[1:1 + n]))
    cost = 0
    while len(ropes) > 1:
        a = min(ropes)
        ropes.remove(a)
        b = min(ropes)
        ropes.remove(b)
        cost += a + b
        ropes.append(a + b)
    print(cost)


main()
