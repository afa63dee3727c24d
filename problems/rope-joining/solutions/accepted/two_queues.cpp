// Sorted ropes in one queue, joined ropes in another: joined lengths only grow, so both stay sorted.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    vector<long long> ropes(n);
    for (auto& x : ropes) scanf("%lld", &x);
    sort(ropes.begin(), ropes.end());
    deque<long long> original(ropes.begin(), ropes.end()), joined;
    auto take = [&]() {
        deque<long long>* from;
        if (joined.empty() || (!original.empty() && original.front() <= joined.front())) from = &original;
        else from = &joined;
        long long x = from->front();
        from->pop_front();
        return x;
    };
    long long cost = 0;
    for (int i = 1; i < n; i++) {
        long long a = take();
        long long b = take();
        cost += a + b;
        joined.push_back(a + b);
    }
    printf("%lld\n", cost);
}
