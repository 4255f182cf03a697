package fields

func (q *queue) close() {
	close(q.items)
}
