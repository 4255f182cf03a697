package fixtures

import (
	"context"
	"errors"
)

// The writer reports after its range loop, which ends only when items is closed; the
// feeder closes items and then waits on done: that wait takes the report, whatever
// the feeding select gave up on before.
func feedAll(ctx context.Context, values []int, write func([]int) error) error {
	done := make(chan error)
	items := make(chan int)
	go func() {
		var batch []int
		for v := range items {
			batch = append(batch, v)
			if len(batch) == 64 {
				if err := write(batch); err != nil {
					done <- err // want GL003 "send on unbuffered `done` blocks forever if its receiver \(line 32\) returns through `<-ctx.Done\(\)` at line 30"
					return
				}
				batch = batch[:0]
			}
		}
		done <- write(batch)
	}()
	for _, v := range values {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-done:
			return err
		case items <- v:
		}
	}
	close(items)
	if err := <-done; err != nil {
		return err
	}
	return nil
}

// The same with an endless loop that breaks on a nil value of a receive case.
func feedRows(ctx context.Context, rows [][]byte, write func([][]byte) error) error {
	done := make(chan error)
	rowc := make(chan []byte)
	go func() {
		var batch [][]byte
	loop:
		for {
			var row []byte
			select {
			case row = <-rowc:
				if row == nil {
					break loop
				}
			case <-ctx.Done():
				return
			}
			batch = append(batch, row)
		}
		done <- write(batch)
	}()
	for _, r := range rows {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-done:
			return err
		case rowc <- r:
		}
	}
	close(rowc)
	return <-done
}

// A check between the close and the wait can return: the report is left behind.
func feedChecked(ctx context.Context, values []int, write func([]int) error) error {
	done := make(chan error)
	items := make(chan int)
	go func() {
		var batch []int
		for v := range items {
			batch = append(batch, v)
		}
		done <- write(batch) // want GL003 "send on unbuffered `done` blocks forever if its receiver \(line 93\) returns through `<-ctx.Done\(\)` at line 91"
	}()
	for _, v := range values {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-done:
			return err
		case items <- v:
		}
	}
	close(items)
	if len(values) == 0 {
		return errors.New("nothing fed")
	}
	return <-done
}
