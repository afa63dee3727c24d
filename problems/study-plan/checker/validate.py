# Output validator for study-plan (Kattis convention): validate.py <input> <answer> < output.
# Exit 42: a valid order, or IMPOSSIBLE when the reference says so. Exit 43 otherwise, with why.
import sys


def reject(why):
    print(why)
    sys.exit(43)


def main():
    data = open(sys.argv[1], "rb").read().split()
    n, m = int(data[0]), int(data[1])
    rules = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(m)]
    possible = open(sys.argv[2], "rb").read().split() != [b"IMPOSSIBLE"]
    got = sys.stdin.buffer.read().split()
    if not possible:
        if got != [b"IMPOSSIBLE"]:
            reject("no order respects every note, so the answer is IMPOSSIBLE")
        sys.exit(42)
    if got == [b"IMPOSSIBLE"]:
        reject("an order exists, but the output says IMPOSSIBLE")
    if len(got) != n:
        reject(f"expected {n} topics, got {len(got)}")
    position = [0] * (n + 1)
    for i, token in enumerate(got):
        if not token.isdigit() or not 1 <= int(token) <= n:
            reject(f"token {i + 1} is not a topic number")
        topic = int(token)
        if position[topic]:
            reject(f"topic {topic} appears twice")
        position[topic] = i + 1
    for a, b in rules:
        if position[a] > position[b]:
            reject(f"topic {a} must come before topic {b}")
    sys.exit(42)


main()
