func longestCappedWindow(s string, k int) string {
	var count [26]int
	left, bestStart, bestLen := 0, 0, 0
	for right := 0; right < len(s); right++ {
		c := s[right] - 'a'
		count[c]++
		for count[c] > k {
			count[s[left]-'a']--
			left++
		}
		if right-left+1 > bestLen {
			bestLen = right - left + 1
			bestStart = left
		}
	}
	return s[bestStart : bestStart+bestLen]
}
