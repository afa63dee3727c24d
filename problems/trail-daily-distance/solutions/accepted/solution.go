package main

import "sort"

func minDailyDistance(stages []int, days int) int64 {
	lo, hi := 0, 0
	for _, x := range stages {
		if x > lo {
			lo = x
		}
		hi += x
	}
	fits := func(limit int) bool {
		used, today := 1, 0
		for _, x := range stages {
			if today+x > limit {
				used++
				if used > days {
					return false
				}
				today = 0
			}
			today += x
		}
		return true
	}
	// the first limit in [lo, hi] that fits
	answer := lo + sort.Search(hi-lo+1, func(i int) bool { return fits(lo + i) })
	return int64(answer)
}
