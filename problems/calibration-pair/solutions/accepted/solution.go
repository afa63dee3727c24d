func firstCalibrationPair(readings []int, target int) []int {
	firstSeen := make(map[int]int, len(readings))
	for j, x := range readings {
		if i, ok := firstSeen[target-x]; ok {
			return []int{i, j}
		}
		if _, ok := firstSeen[x]; !ok {
			firstSeen[x] = j
		}
	}
	return []int{}
}
