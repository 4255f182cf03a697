package daemon

import "time"

// Started by the constructor in daemon.go, which runs once per process.
func (d *Daemon) watchDumps() {
	go func() {
		for {
			time.Sleep(time.Second)
			dump(d.root)
		}
	}()
}

func dump(root string) {}

// Started by a constructor that other packages may call any number of times.
func (p *Plugin) listen() {
	go func() { // want GL011 "blocks on `<-p.events` at line 21 once nobody sends"
		for {
			<-p.events
		}
	}()
}
