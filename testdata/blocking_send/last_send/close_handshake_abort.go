package lastsend

// Pump's stop, closed here too by a method that does not wait for the summary.
func (p *Pump) Abort() { close(p.finish) }
