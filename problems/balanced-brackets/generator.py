#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for balanced-brackets (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_T = 50_000
MAX_TOTAL = 500_000
PAIRS = ["()", "[]", "{}"]


def write(kind, index, strings):
    assert 1 <= len(strings) <= MAX_T and sum(map(len, strings)) <= MAX_TOTAL
    assert all(s and set(s) <= set("()[]{}") for s in strings)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(strings)}\n" + "\n".join(strings) + "\n")


def balanced(rng, length):
    """A random balanced string of the given (even) length."""
    out, stack = [], []
    while len(out) + len(stack) < length or stack:
        if stack and (len(out) + len(stack) >= length or rng.random() < 0.5):
            out.append(stack.pop())
        else:
            pair = rng.choice(PAIRS)
            out.append(pair[0])
            stack.append(pair[1])
    return "".join(out)


def nested(length):
    half = length // 2
    opens = "".join(PAIRS[i % 3][0] for i in range(half))
    return opens + "".join(PAIRS[i % 3][1] for i in reversed(range(half)))


def damaged(rng, s):
    """One character swapped for another bracket: almost always unbalanced (the answer decides)."""
    i = rng.randrange(len(s))
    return s[:i] + rng.choice([c for c in "()[]{}" if c != s[i]]) + s[i + 1:]


def main():
    rng = random.Random(4242)
    write("sample", 1, ["()[]{}", "{[()]}", "([)]", "((", "}{"])

    write("secret", 1, ["(", ")", "()", "[", "]"])
    write("secret", 2, ["([)]", "[(])", "{(})", "(]", "[}", "{)"])
    write("secret", 3, ["(())", "(()", "())", ")(", "(()))(()"])
    write("secret", 4, ["{}" * 10, "{" * 10 + "}" * 10, "{" * 10 + "}" * 9, "}" + "{}" * 5 + "{"])
    write("secret", 5, [balanced(rng, 2 * rng.randint(1, 10)) for _ in range(200)])
    write("secret", 6, [damaged(rng, balanced(rng, 2 * rng.randint(1, 10))) for _ in range(200)])
    write("secret", 7, ["".join(rng.choice("()[]{}") for _ in range(rng.randint(1, 8))) for _ in range(2000)])
    mixed = []
    for _ in range(3000):
        s = balanced(rng, 2 * rng.randint(1, 30))
        mixed.append(s if rng.random() < 0.5 else damaged(rng, s))
    write("secret", 8, mixed)
    write("secret", 9, [nested(1000), nested(1000)[:-1], nested(1000)[1:], nested(1000) + ")"])
    # a balanced string closed by one wrong bracket at the very end
    write("secret", 10, [nested(20000)[:-1] + "]", nested(20000)])
    # large: one deeply nested string (removing matched pairs over and over is quadratic here)
    write("secret", 11, [nested(MAX_TOTAL - 2)])
    # large: the most strings, half damaged
    many = []
    for _ in range(MAX_T):
        s = balanced(rng, 2 * rng.randint(1, 8))
        many.append(s if rng.random() < 0.5 else damaged(rng, s))
    write("secret", 12, many)
    write("secret", 13, [damaged(rng, nested(MAX_TOTAL // 2)), balanced(rng, MAX_TOTAL // 2 - 2)])


if __name__ == "__main__":
    main()
