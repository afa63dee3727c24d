import "container/heap"

type IntHeap []int

func (h IntHeap) Len() int            { return len(h) }
func (h IntHeap) Less(i, j int) bool  { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func runningMedians(readings []int) []float64 {
	lower := &IntHeap{} // negated values: a max-heap of the smaller half
	upper := &IntHeap{}
	res := make([]float64, 0, len(readings))
	for _, x := range readings {
		heap.Push(lower, -x)
		heap.Push(upper, -heap.Pop(lower).(int))
		if upper.Len() > lower.Len() {
			heap.Push(lower, -heap.Pop(upper).(int))
		}
		if lower.Len() > upper.Len() {
			res = append(res, float64(-(*lower)[0]))
		} else {
			res = append(res, float64(-(*lower)[0]+(*upper)[0])/2)
		}
	}
	return res
}
