#include <bits/stdc++.h>
using namespace std;

int main() {
    int r, c;
    if (scanf("%d %d", &r, &c) != 2) return 1;
    vector<string> g(r);
    char buf[512];
    int sr = 0, sc = 0, tr = 0, tc = 0;
    for (int i = 0; i < r; i++) {
        scanf("%s", buf);
        g[i] = buf;
        for (int j = 0; j < c; j++) {
            if (g[i][j] == 'S') sr = i, sc = j;
            if (g[i][j] == 'T') tr = i, tc = j;
        }
    }
    vector<vector<int>> dist(r, vector<int>(c, -1));
    queue<pair<int, int>> q;
    dist[sr][sc] = 0;
    q.push({sr, sc});
    const int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
    while (!q.empty()) {
        auto [i, j] = q.front();
        q.pop();
        for (int d = 0; d < 4; d++) {
            int ni = i + dr[d], nj = j + dc[d];
            if (ni < 0 || nj < 0 || ni >= r || nj >= c || g[ni][nj] == '#' || dist[ni][nj] >= 0) continue;
            dist[ni][nj] = dist[i][j] + 1;
            q.push({ni, nj});
        }
    }
    printf("%d\n", dist[tr][tc]);
}
