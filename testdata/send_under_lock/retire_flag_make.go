package fixtures

// The quit channels of the retiring server, buffered 1 here, in another file than
// their sends.
func (s *retiringServer) startStandby() {
	s.standbyStop = make(chan struct{}, 1)
	s.retireNudges = make(chan struct{}, 1)
}
