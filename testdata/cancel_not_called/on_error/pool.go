package onerror

import "context"

func (p *pool) Wait() {
	p.wg.Wait()
}

func (p *pool) Go(f func(context.Context) error) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		err := f(p.ctx)
		if err != nil && p.cancelOnError {
			// cancel the others
			p.cancelTasks()
		}
	}()
}

// Another type's field of the same name: its calls are not pool's.
type batch struct{ cancelTasks func() }

func (b *batch) Close() { b.cancelTasks() }
