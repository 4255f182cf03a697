package fixtures

// Spawn returns the unbuffered channel its goroutine sends on; a caller in another
// file of the package drops it.
func Spawn(f func() error) <-chan error {
	done := make(chan error)
	go func() { done <- f() }() // want GL003 "drops the channel Spawn returns \(returned_channel_drop.go:6\)"
	return done
}

// Its caller's file holds no `<-`, so it is not read.
func SpawnQuiet(f func() error) <-chan error {
	done := make(chan error)
	go func() { done <- f() }() // todo GL003 the dropping caller's file holds no `<-` and is not read
	return done
}
