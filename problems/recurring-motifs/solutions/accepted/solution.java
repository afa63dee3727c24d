class Solution {
    public String[] recurringMotifs(String signal, int k) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (int i = 0; i + k <= signal.length(); i++) {
            String block = signal.substring(i, i + k);
            if (!seen.add(block)) repeated.add(block);
        }
        String[] result = repeated.toArray(new String[0]);
        Arrays.sort(result);
        return result;
    }
}
