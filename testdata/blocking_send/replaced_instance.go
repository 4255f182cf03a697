package fixtures

// A table the process keeps in a package-level variable: its loop stops only when
// Reset puts a new table in that variable, so a sender left on the stopped one kept
// it from before. Low.
type procTable struct {
	procAdds chan int
	procQuit chan bool
}

var procs *procTable

func (t *procTable) loop() {
	for {
		select {
		case n := <-t.procAdds:
			_ = n
		case <-t.procQuit:
			return
		}
	}
}

func (t *procTable) Add(n int) {
	t.procAdds <- n // want GL003:low "stops through `<-t.procQuit`"
}

func (t *procTable) purge() { t.procQuit <- true }

func ResetProcs() {
	if procs != nil {
		procs.purge()
	}
	procs = &procTable{procAdds: make(chan int), procQuit: make(chan bool)}
	go procs.loop()
}

// Here the table is stopped on a value that anyone may hold and keep: the holder's
// next add blocks. Reported.
type memoTable struct {
	memoAdds chan int
	memoQuit chan bool
}

func NewMemoTable() *memoTable {
	t := &memoTable{memoAdds: make(chan int), memoQuit: make(chan bool)}
	go t.loop()
	return t
}

func (t *memoTable) loop() {
	for {
		select {
		case n := <-t.memoAdds:
			_ = n
		case <-t.memoQuit:
			return
		}
	}
}

func (t *memoTable) Add(n int) {
	t.memoAdds <- n // want GL003 "stops through `<-t.memoQuit`"
}

func dropMemos(t *memoTable) { t.memoQuit <- true }
