# Bug: a value is recorded before its partner is looked up, so a_i pairs with itself when 2 * a_i = k.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    seen = {}
    pairs = 0
    for token in data[2:2 + n]:
        a = int(token)
        seen[a] = seen.get(a, 0) + 1
        pairs += seen.get(k - a, 0)
    print(pairs)


main()
