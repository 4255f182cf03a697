package siblingrelay

import "time"

func debounce(reload <-chan event) {
	go func() {
		var last *event
		var fire <-chan time.Time
		for {
			select {
			case e, ok := <-reload:
				if !ok {
					return
				}
				last = &e
				fire = time.After(time.Second)
			case <-fire:
				_ = last
			}
		}
	}()
}

func apply(changes <-chan event, a *applier) {
	go func() {
		for e := range changes {
			a.mu.Lock()
			a.applied++
			_ = e
			a.mu.Unlock()
		}
	}()
}
