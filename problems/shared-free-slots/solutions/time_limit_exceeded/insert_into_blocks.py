from typing import List


class Solution:
    def sharedFreeSlots(self, busy: List[List[int]], dayStart: int, dayEnd: int) -> List[List[int]]:
        # keep the busy time as a sorted list of disjoint blocks, adding one meeting at a time
        blocks = []
        for start, end in busy:
            merged = []
            placed = False
            for s, e in blocks:
                if e < start:
                    merged.append([s, e])
                elif end < s:
                    if not placed:
                        merged.append([start, end])
                        placed = True
                    merged.append([s, e])
                else:
                    start, end = min(start, s), max(end, e)
            if not placed:
                merged.append([start, end])
            blocks = merged
        free = []
        t = dayStart
        for s, e in blocks:
            if s > t and t < dayEnd:
                free.append([t, min(s, dayEnd)])
            t = max(t, e)
        if t < dayEnd:
            free.append([t, dayEnd])
        return free
