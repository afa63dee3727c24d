# Correct, but looks each word's group up in a list: O(n * groups).
import sys


def main():
    words = sys.stdin.read().split()[1:]
    keys, sizes = [], []
    for w in words:
        key = "".join(sorted(w))
        for i in range(len(keys)):
            if keys[i] == key:
                sizes[i] += 1
                break
        else:
            keys.append(key)
            sizes.append(1)
    print(len(keys), max(sizes))


main()
