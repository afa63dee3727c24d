# Bug: sorts once and adds the ropes one by one to a growing chain; joining the two
# shortest ropes each time can be cheaper.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    ropes = sorted(map(int, data[1:1 + n]))
    cost = 0
    current = ropes[0]
    for x in ropes[1:]:
        current += x
        cost += current
    print(cost)


main()
