package main

import (
	"context"
	"time"

	"example.com/daemon/detector"
)

func detect(ctx context.Context) error {
	d := detector.New(nil)
	go func() {
		for {
			check, cancel := context.WithTimeout(ctx, time.Second)
			_ = d.Check(check)
			cancel()
		}
	}()
	return d.Run(ctx)
}
