import "sort"

// Fenwick tree over the ranks of the prefix sums.
func countBoundedSegments(nums []int, lower int64, upper int64) int64 {
	n := len(nums)
	prefix := make([]int64, n+1)
	for i, x := range nums {
		prefix[i+1] = prefix[i] + int64(x)
	}
	sorted := append([]int64(nil), prefix...)
	sort.Slice(sorted, func(a, b int) bool { return sorted[a] < sorted[b] })
	tree := make([]int64, n+2)
	add := func(i int) {
		for i++; i <= n+1; i += i & -i {
			tree[i]++
		}
	}
	below := func(i int) int64 { // stored prefixes among sorted[:i]
		var total int64
		for ; i > 0; i -= i & -i {
			total += tree[i]
		}
		return total
	}
	var count int64
	for _, p := range prefix {
		hi := sort.Search(len(sorted), func(k int) bool { return sorted[k] > p-lower })
		lo := sort.Search(len(sorted), func(k int) bool { return sorted[k] >= p-upper })
		if hi > lo {
			count += below(hi) - below(lo)
		}
		add(sort.Search(len(sorted), func(k int) bool { return sorted[k] >= p }))
	}
	return count
}
