package positional

func (p *stage) give(j string) {
	p.jobs <- j // want GL003 "receiver \(stage.go:18\) leaves at line 21"
}
