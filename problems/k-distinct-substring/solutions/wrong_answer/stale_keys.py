# Bug: letters whose count drops to zero stay in the dict, so len(window) overcounts the letters.
import sys


def main():
    data = sys.stdin.read().split()
    k = int(data[0])
    s = data[1]
    window = {}
    left = 0
    best = 0
    for right, c in enumerate(s):
        window[c] = window.get(c, 0) + 1
        while len(window) > k and left <= right:
            window[s[left]] -= 1
            left += 1
        best = max(best, right - left + 1)
    print(best)


main()
