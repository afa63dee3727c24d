package main

import "math"

func bestBranchPath(parent []int, values []int) int64 {
	n := len(parent)
	children := make([][]int, n)
	root := 0
	for i, p := range parent {
		if p == -1 {
			root = i
		} else {
			children[p] = append(children[p], i)
		}
	}
	order := make([]int, 0, n)
	stack := []int{root}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		order = append(order, v)
		stack = append(stack, children[v]...)
	}
	down := make([]int64, n)
	var best int64 = math.MinInt64
	for k := n - 1; k >= 0; k-- {
		v := order[k]
		var a, b int64
		for _, c := range children[v] {
			if down[c] > a {
				a, b = down[c], a
			} else if down[c] > b {
				b = down[c]
			}
		}
		down[v] = int64(values[v]) + a
		if int64(values[v])+a+b > best {
			best = int64(values[v]) + a + b
		}
	}
	return best
}
