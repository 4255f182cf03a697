package fixtures

// Published returns the channel: callers outside this file receive from it.
func (wc *watchChan) Published() chan int {
	return wc.handedOut
}
