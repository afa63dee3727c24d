class Solution {
public:
    vector<int> firstCalibrationPair(vector<int>& readings, int target) {
        unordered_map<int, int> firstSeen;
        firstSeen.reserve(readings.size() * 2);
        for (int j = 0; j < (int)readings.size(); j++) {
            auto it = firstSeen.find(target - readings[j]);
            if (it != firstSeen.end()) return {it->second, j};
            firstSeen.emplace(readings[j], j);  // keeps the first index of a value
        }
        return {};
    }
};
