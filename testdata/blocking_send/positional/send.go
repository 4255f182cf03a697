package positional

func (p *stage) give(j string) {
	p.jobs <- j // want GL003 "receiver \(stage.go:18\) stops through `<-p.ready` at line \d+"
}
