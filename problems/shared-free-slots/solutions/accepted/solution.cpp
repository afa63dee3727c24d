class Solution {
public:
    vector<vector<int>> sharedFreeSlots(vector<vector<int>>& busy, int dayStart, int dayEnd) {
        sort(busy.begin(), busy.end());
        // merge into disjoint blocks first, then take the gaps between them
        vector<pair<int, int>> blocks;
        for (auto& b : busy) {
            if (!blocks.empty() && b[0] <= blocks.back().second) {
                blocks.back().second = max(blocks.back().second, b[1]);
            } else {
                blocks.push_back({b[0], b[1]});
            }
        }
        vector<vector<int>> result;
        int t = dayStart;
        for (auto& [s, e] : blocks) {
            if (s > t && t < dayEnd) result.push_back({t, min(s, dayEnd)});
            t = max(t, e);
        }
        if (t < dayEnd) result.push_back({t, dayEnd});
        return result;
    }
};
