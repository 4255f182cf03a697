package main

import (
	"time"

	"example.com/appdead/report"
)

func main() {
	for {
		_ = report.Daily("https://example.com/daily")
		time.Sleep(time.Hour)
	}
}
