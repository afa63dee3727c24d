package main

import "time"

func main() {
	for {
		go func() {
			buf := make([]byte, 64<<10)
			buf[0] = 1
			time.Sleep(time.Hour)
			_ = buf
		}()
	}
}
