class Solution {
    public int[][] sharedFreeSlots(int[][] busy, int dayStart, int dayEnd) {
        Arrays.sort(busy, (a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> free = new ArrayList<>();
        int t = dayStart;
        for (int[] b : busy) {
            if (t >= dayEnd) break;
            if (b[0] > t) free.add(new int[] {t, Math.min(b[0], dayEnd)});
            t = Math.max(t, b[1]);
        }
        if (t < dayEnd) free.add(new int[] {t, dayEnd});
        return free.toArray(new int[0][]);
    }
}
