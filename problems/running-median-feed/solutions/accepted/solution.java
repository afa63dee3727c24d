class Solution {
    public double[] runningMedians(int[] readings) {
        PriorityQueue<Integer> lower = new PriorityQueue<>(Collections.reverseOrder());
        PriorityQueue<Integer> upper = new PriorityQueue<>();
        double[] result = new double[readings.length];
        for (int i = 0; i < readings.length; i++) {
            lower.offer(readings[i]);
            upper.offer(lower.poll());
            if (upper.size() > lower.size()) lower.offer(upper.poll());
            if (lower.size() > upper.size()) result[i] = lower.peek();
            else result[i] = ((long) lower.peek() + upper.peek()) / 2.0;
        }
        return result;
    }
}
