class Solution {
public:
    vector<int> daysUntilWarmer(vector<int>& temps) {
        int n = temps.size();
        vector<int> answer(n, 0);
        stack<int> waiting;
        for (int i = 0; i < n; i++) {
            while (!waiting.empty() && temps[waiting.top()] < temps[i]) {
                answer[waiting.top()] = i - waiting.top();
                waiting.pop();
            }
            waiting.push(i);
        }
        return answer;
    }
};
