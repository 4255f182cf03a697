package main

import (
	"time"

	"example.com/appdead/report"
)

func main() {
	for {
		_ = report.Daily("https://example.com/daily")
		_, _ = report.NewEcho("https://example.com/echo").Write(nil)
		time.Sleep(time.Hour)
	}
}
