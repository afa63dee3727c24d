template <int N> struct Count { static const int value = Count<N + 1>::value + 1; };
int main() { return Count<0>::value; }
