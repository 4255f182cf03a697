package fixtures

import "time"

type healthStream interface{ Send(int) error }

func probe() (int, error) { return 0, nil }

// A streaming handler that declares its ticker in a var group: every error return
// leaves it running.
func watchGrouped(seconds int, srv healthStream) (err error) {
	var (
		reply  int
		ticker = time.NewTicker(time.Duration(seconds) * time.Second) // want GL010:low "ticker `ticker` from time.NewTicker is never stopped"
	)
	for range ticker.C {
		reply, err = probe()
		if err != nil {
			return err
		}
		if err = srv.Send(reply); err != nil {
			return err
		}
	}
	return nil
}

func watchDeclaredStopped(seconds int, srv healthStream) error {
	var ticker = time.NewTicker(time.Duration(seconds) * time.Second)
	defer ticker.Stop()
	for range ticker.C {
		if err := srv.Send(1); err != nil {
			return err
		}
	}
	return nil
}

// A package-level ticker lives as long as the process.
var heartbeat = time.NewTicker(time.Minute)
