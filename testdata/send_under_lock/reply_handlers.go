package fixtures

// The worker's side of reply_requests.go: it answers each request under its lock, on
// the reply channel the requester made. This file stores nothing in the field.

// The requester waits for the reply with a plain receive: silent.
func (r *lookupReq) handle(w *lookupWorker) {
	w.mu.Lock()
	defer w.mu.Unlock()
	r.reply <- w.table[r.name]
}

// The requester may have given up (its select has a ctx.Done case): reported.
func (r *pollReq) handle(w *lookupWorker) {
	w.mu.Lock()
	defer w.mu.Unlock()
	r.reply <- w.table[r.name] // want GL004 "send on `r.reply` under `w.mu`"
}
