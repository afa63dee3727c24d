class Solution {
public:
    int countReefs(vector<string>& chart) {
        int rows = chart.size(), cols = chart[0].size();
        int count = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (chart[r][c] != '#') continue;
                count++;
                // sink the whole reef so it is not counted again
                queue<pair<int, int>> q;
                q.push({r, c});
                chart[r][c] = '.';
                while (!q.empty()) {
                    auto [y, x] = q.front();
                    q.pop();
                    int dy[] = {1, -1, 0, 0}, dx[] = {0, 0, 1, -1};
                    for (int d = 0; d < 4; d++) {
                        int ny = y + dy[d], nx = x + dx[d];
                        if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && chart[ny][nx] == '#') {
                            chart[ny][nx] = '.';
                            q.push({ny, nx});
                        }
                    }
                }
            }
        }
        return count;
    }
};
