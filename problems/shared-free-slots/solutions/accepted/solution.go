import "sort"

func sharedFreeSlots(busy [][]int, dayStart int, dayEnd int) [][]int {
	sort.Slice(busy, func(i, j int) bool { return busy[i][0] < busy[j][0] })
	var free [][]int
	t := dayStart
	for _, b := range busy {
		if t >= dayEnd {
			break
		}
		if b[0] > t {
			end := b[0]
			if end > dayEnd {
				end = dayEnd
			}
			free = append(free, []int{t, end})
		}
		if b[1] > t {
			t = b[1]
		}
	}
	if t < dayEnd {
		free = append(free, []int{t, dayEnd})
	}
	return free
}
