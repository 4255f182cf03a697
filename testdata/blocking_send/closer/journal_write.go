package closer

func (j *journal) write(e string) {
	j.entries <- e // want GL003:low "blocks forever if called after journal.stop, which stops its receiver \(journal.go:20\)"
}

func (l *Log) Write(e string) { l.j.write(e) }

func (f *feed) push(n int) {
	f.items <- n // want GL003 "blocks forever if its receiver \(journal.go:60\) stops through `<-f.done` at line 62"
}
