package fixtures

// writeCh is closed under the mutex the send in close_sibling.go holds; acks after
// the unlock.
func (db *writeDB) Close() {
	db.mu.Lock()
	if db.closing {
		db.mu.Unlock()
		return
	}
	db.closing = true
	close(db.writeCh)
	db.mu.Unlock()
	close(db.acks)
}
