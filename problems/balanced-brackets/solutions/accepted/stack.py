import sys

CLOSER = {"(": ")", "[": "]", "{": "}"}


def balanced(s):
    stack = []
    for c in s:
        if c in CLOSER:
            stack.append(CLOSER[c])
        elif not stack or stack.pop() != c:
            return False
    return not stack


def main():
    lines = sys.stdin.read().split()
    t = int(lines[0])
    print("\n".join("YES" if balanced(s) else "NO" for s in lines[1:1 + t]))


main()
