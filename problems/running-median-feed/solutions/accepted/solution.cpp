class Solution {
public:
    vector<double> runningMedians(vector<int>& readings) {
        priority_queue<int> lower;                             // smaller half, largest on top
        priority_queue<int, vector<int>, greater<int>> upper;  // larger half, smallest on top
        vector<double> medians;
        for (int x : readings) {
            if (lower.empty() || x <= lower.top()) lower.push(x);
            else upper.push(x);
            if (lower.size() > upper.size() + 1) {
                upper.push(lower.top());
                lower.pop();
            } else if (upper.size() > lower.size()) {
                lower.push(upper.top());
                upper.pop();
            }
            if (lower.size() > upper.size()) medians.push_back(lower.top());
            else medians.push_back(((long long)lower.top() + upper.top()) / 2.0);
        }
        return medians;
    }
};
