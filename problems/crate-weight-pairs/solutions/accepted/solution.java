class Solution {
    public int[][] crateWeightPairs(int[] weights, int target) {
        List<int[]> result = new ArrayList<>();
        int left = 0, right = weights.length - 1;
        while (left < right) {
            long total = (long) weights[left] + weights[right];
            if (total < target) {
                left++;
            } else if (total > target) {
                right--;
            } else {
                int a = weights[left], b = weights[right];
                result.add(new int[] {a, b});
                while (left < right && weights[left] == a) left++;
                while (left < right && weights[right] == b) right--;
            }
        }
        return result.toArray(new int[0][]);
    }
}
