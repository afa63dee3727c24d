import "sort"

func recurringMotifs(signal string, k int) []string {
	count := map[string]int{}
	result := []string{}
	for i := 0; i+k <= len(signal); i++ {
		block := signal[i : i+k]
		count[block]++
		if count[block] == 2 {
			result = append(result, block)
		}
	}
	sort.Strings(result)
	return result
}
