package fixtures

// A local channel that nobody closes, whose loop checks a flag only once a value
// comes: after the last send it waits for ever.
func startChecked(count func(int), stopped func() bool) {
	events := make(chan int)
	go func() { // want GL011:low "goroutine can wait forever: its range loop at line 8 needs one more value to exit \(line 10\) and nothing closes `events`"
		for n := range events {
			if stopped() {
				return
			}
			count(n)
		}
	}()
	events <- 1
}

// A local channel that nobody closes, but the loop leaves on a value the sender
// sends: zero ends it.
func startUntilZero(count func(int)) {
	events := make(chan int)
	go func() {
		for n := range events {
			if n == 0 {
				return
			}
			count(n)
		}
	}()
	events <- 1
	events <- 0
}

// Each job runs its own checker.
func runJobs(jobs []int, count func(int), stopped func() bool) {
	for range jobs {
		startChecked(count, stopped)
		startUntilZero(count)
	}
}
