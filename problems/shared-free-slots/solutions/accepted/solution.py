from typing import List


class Solution:
    def sharedFreeSlots(self, busy: List[List[int]], dayStart: int, dayEnd: int) -> List[List[int]]:
        busy.sort()
        free = []
        t = dayStart  # the first minute not known to be busy
        for start, end in busy:
            if t >= dayEnd:
                break
            if start > t:
                free.append([t, min(start, dayEnd)])
            t = max(t, end)
        if t < dayEnd:
            free.append([t, dayEnd])
        return free
