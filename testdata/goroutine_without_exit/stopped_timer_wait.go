package fixtures

import "time"

type uploader struct {
	aborted chan struct{}
}

func (u *uploader) send(part []byte) error { return nil }

// The goroutine waits for the timeout; when the upload ends first, the deferred Stop
// keeps the timer from firing and the goroutine waits for ever.
func (u *uploader) upload(parts [][]byte) error {
	timeout := time.NewTimer(time.Minute)
	defer timeout.Stop()
	go func() { // want GL011 "goroutine can wait forever on `<-timeout.C` \(line 17\) once `timeout.Stop\(\)` at line 15 comes first"
		<-timeout.C
		close(u.aborted)
	}()
	for _, part := range parts {
		if err := u.send(part); err != nil {
			return err
		}
	}
	return nil
}

// The same with the received time kept, and the Stop called at the end.
func (u *uploader) uploadTimed(parts [][]byte, record func(time.Time)) {
	timeout := time.NewTimer(time.Minute)
	go func() { // want GL011 "goroutine can wait forever on `<-timeout.C` \(line 32\) once `timeout.Stop\(\)` at line 36 comes first"
		at := <-timeout.C
		record(at)
	}()
	u.sendAll(parts)
	timeout.Stop()
}

func (u *uploader) sendAll(parts [][]byte) {
	for _, part := range parts {
		_ = u.send(part)
	}
}

// A done channel closed with the Stop lets the goroutine leave.
func (u *uploader) uploadWithDone(parts [][]byte) {
	timeout := time.NewTimer(time.Minute)
	done := make(chan struct{})
	defer func() {
		timeout.Stop()
		close(done)
	}()
	go func() {
		select {
		case <-timeout.C:
			close(u.aborted)
		case <-done:
		}
	}()
	u.sendAll(parts)
}

// Nobody stops the timer: it fires once, and the goroutine ends.
func (u *uploader) uploadUnstopped(parts [][]byte) {
	timeout := time.NewTimer(time.Minute)
	go func() {
		<-timeout.C
		close(u.aborted)
	}()
	u.sendAll(parts)
}

// time.After cannot be stopped: it fires once.
func (u *uploader) uploadAfter(parts [][]byte) {
	go func() {
		<-time.After(time.Minute)
		close(u.aborted)
	}()
	u.sendAll(parts)
}

// The starter waits for the goroutine before it stops the timer.
func (u *uploader) uploadJoined(parts [][]byte) {
	timeout := time.NewTimer(time.Minute)
	defer timeout.Stop()
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		<-timeout.C
	}()
	u.sendAll(parts)
	<-finished
}

// The goroutine closes a `finished` of its own, not the one the starter waits for:
// the starter may stop the timer while the goroutine still waits on it.
func (u *uploader) uploadShadowed(parts [][]byte, finished chan struct{}) {
	timeout := time.NewTimer(time.Minute)
	defer timeout.Stop()
	go func() { // want GL011 "goroutine can wait forever on `<-timeout.C` \(line 103\) once `timeout.Stop\(\)` at line 99 comes first"
		finished := make(chan struct{})
		defer close(finished)
		<-timeout.C
	}()
	u.sendAll(parts)
	<-finished
}
