class Solution {
public:
    vector<vector<int>> crateWeightPairs(vector<int>& weights, int target) {
        vector<vector<int>> result;
        int left = 0, right = (int)weights.size() - 1;
        while (left < right) {
            long long total = (long long)weights[left] + weights[right];
            if (total < target) {
                left++;
            } else if (total > target) {
                right--;
            } else {
                int a = weights[left], b = weights[right];
                result.push_back({a, b});
                while (left < right && weights[left] == a) left++;
                while (left < right && weights[right] == b) right--;
            }
        }
        return result;
    }
};
