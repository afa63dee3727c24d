class Solution {
public:
    string longestCappedWindow(string s, int k) {
        int count[26] = {0};
        int left = 0, bestStart = 0, bestLen = 0;
        for (int right = 0; right < (int)s.size(); right++) {
            int c = s[right] - 'a';
            count[c]++;
            while (count[c] > k) {
                count[s[left] - 'a']--;
                left++;
            }
            if (right - left + 1 > bestLen) {
                bestLen = right - left + 1;
                bestStart = left;
            }
        }
        return s.substr(bestStart, bestLen);
    }
};
