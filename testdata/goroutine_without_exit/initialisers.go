package fixtures

import "time"

type flushLogger struct {
	lines chan string
}

// Built once, in the package-level initialiser below: its flush loop lives as long as
// the process. Silent.
func newFlushLogger() *flushLogger {
	l := &flushLogger{lines: make(chan string, 64)}
	go func() {
		for {
			time.Sleep(time.Second)
			l.flush()
		}
	}()
	return l
}

func (l *flushLogger) flush() {
	for len(l.lines) > 0 {
		println(<-l.lines)
	}
}

var defaultFlushLogger = newFlushLogger()

type pollLogger struct {
	lines chan string
}

// Built by a function that only other packages reach (through NewPollLogger): they
// may run it once, for a process-wide logger, or many times. The package does not
// show which, so it is not reported.
func newPollLogger() *pollLogger {
	l := &pollLogger{lines: make(chan string, 64)}
	go func() {
		for {
			time.Sleep(time.Second)
			l.poll()
		}
	}()
	return l
}

func (l *pollLogger) poll() {}

func NewPollLogger() *pollLogger {
	return newPollLogger()
}
