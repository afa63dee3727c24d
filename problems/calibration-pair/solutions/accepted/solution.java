class Solution {
    public int[] firstCalibrationPair(int[] readings, int target) {
        HashMap<Integer, Integer> firstSeen = new HashMap<>(readings.length * 2);
        for (int j = 0; j < readings.length; j++) {
            Integer i = firstSeen.get(target - readings[j]);
            if (i != null) return new int[] {i, j};
            firstSeen.putIfAbsent(readings[j], j);
        }
        return new int[0];
    }
}
