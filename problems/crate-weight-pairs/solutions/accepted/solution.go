func crateWeightPairs(weights []int, target int) [][]int {
	result := [][]int{}
	left, right := 0, len(weights)-1
	for left < right {
		total := weights[left] + weights[right]
		if total < target {
			left++
		} else if total > target {
			right--
		} else {
			a, b := weights[left], weights[right]
			result = append(result, []int{a, b})
			for left < right && weights[left] == a {
				left++
			}
			for left < right && weights[right] == b {
				right--
			}
		}
	}
	return result
}
