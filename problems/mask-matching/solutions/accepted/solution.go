func maskMatches(mask string, name string) bool {
	m, n := len(mask), len(name)
	// memo[i][j]: 0 unknown, 1 true, 2 false for mask[i:] against name[j:]
	memo := make([][]int8, m+1)
	for i := range memo {
		memo[i] = make([]int8, n+1)
	}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == m {
			return j == n
		}
		if memo[i][j] != 0 {
			return memo[i][j] == 1
		}
		var ok bool
		switch {
		case mask[i] == '*' && i+1 < m && mask[i+1] == '*':
			ok = match(i+2, j) || (j < n && match(i, j+1))
		case mask[i] == '*':
			ok = match(i+1, j) || (j < n && name[j] != '/' && match(i, j+1))
		case mask[i] == '?':
			ok = j < n && name[j] != '/' && match(i+1, j+1)
		default:
			ok = j < n && name[j] == mask[i] && match(i+1, j+1)
		}
		if ok {
			memo[i][j] = 1
		} else {
			memo[i][j] = 2
		}
		return ok
	}
	return match(0, 0)
}
