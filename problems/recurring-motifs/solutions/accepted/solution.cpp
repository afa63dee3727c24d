class Solution {
public:
    vector<string> recurringMotifs(string signal, int k) {
        unordered_map<string, int> count;
        vector<string> result;
        for (int i = 0; i + k <= (int)signal.size(); i++) {
            if (++count[signal.substr(i, k)] == 2) result.push_back(signal.substr(i, k));
        }
        sort(result.begin(), result.end());
        return result;
    }
};
