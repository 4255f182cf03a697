package main

import (
	"net"
	"runtime"
)

// One worker per CPU, set up once: `for range runtime.GOMAXPROCS(0)` is a loop over
// a count, so the program starts that many, once, and they end with it.
func startWorkers(pc net.PacketConn) {
	for range runtime.GOMAXPROCS(0) {
		go echoPackets(pc)
	}
	for i := range runtime.NumCPU() {
		go func() {
			for {
				runtime.Gosched()
				_ = i
			}
		}()
	}
}

func echoPackets(pc net.PacketConn) {
	buf := make([]byte, 512)
	for {
		n, addr, err := pc.ReadFrom(buf)
		if err != nil {
			continue
		}
		pc.WriteTo(buf[:n], addr)
	}
}

// A start per received connection repeats without a bound: reported in a program too.
func serveEach(conns chan net.PacketConn) {
	for pc := range conns {
		go echoPackets(pc) // want GL011 "never returns"
	}
}
