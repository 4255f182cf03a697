package stored

func (s *server) close() {
	s.stop()
}
