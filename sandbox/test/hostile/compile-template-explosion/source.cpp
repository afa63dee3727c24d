// Each level instantiates two distinct types of the next: 2^N instantiations.
template <int N, unsigned long long K> struct Tree {
  static const unsigned long long value = Tree<N - 1, K * 2>::value + Tree<N - 1, K * 2 + 1>::value;
};
template <unsigned long long K> struct Tree<0, K> { static const unsigned long long value = K; };
int main() { return (int)Tree<40, 1>::value; }
