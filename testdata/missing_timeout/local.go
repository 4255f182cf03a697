package fixtures

import (
	"context"
	"flag"
	"net"
	"net/http"
	"time"
)

var (
	uiAddress     = flag.String("ui", "localhost:0", "address of the local viewer")
	publicAddress = flag.String("listen", ":8080", "address to serve on")
)

// A viewer for the local browser, on a loopback listener by default.
func serveViewer() error {
	ln, err := net.Listen("tcp", *uiAddress)
	if err != nil {
		return err
	}
	return http.Serve(ln, nil)
}

func servePublic() error {
	ln, err := net.Listen("tcp", *publicAddress)
	if err != nil {
		return err
	}
	return http.Serve(ln, nil) // want GL006 "http.Serve runs an http.Server without timeouts"
}

func serveSocket(path string) error {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	return http.Serve(ln, nil)
}

func serveLoopbackPort(port string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		return err
	}
	return http.Serve(ln, nil)
}

func serveEveryInterface(port string) error {
	ln, err := net.Listen("tcp", ":"+port)
	if err != nil {
		return err
	}
	return http.ServeTLS(ln, nil, "cert.pem", "key.pem") // want GL006 "http.ServeTLS runs an http.Server without timeouts"
}

// Local unless asked otherwise: the address is not always a loopback one.
func serveChosen(port string, public bool) error {
	address := "localhost:" + port
	if public {
		address = ":" + port
	}
	ln, err := net.Listen("tcp", address)
	if err != nil {
		return err
	}
	return http.Serve(ln, nil) // want GL006 "http.Serve runs an http.Server without timeouts"
}

// Transports that dial through the program's own function: a unix socket here.
type socketDialer struct{ path string }

func (d *socketDialer) dialSocket(network, address string) (net.Conn, error) {
	return net.Dial("unix", d.path)
}

func socketClient(path string) *http.Client {
	d := &socketDialer{path: path}
	client := &http.Client{Transport: &http.Transport{Dial: d.dialSocket}}
	return client
}

func pipeClient(path string) *http.Client {
	client := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", path)
		},
	}}
	return client
}

// A net.Dialer bounds the connect, not the wait for the response.
func remoteClient() *http.Client {
	client := &http.Client{Transport: &http.Transport{ // want GL006 "http.Client without Timeout"
		Dial: (&net.Dialer{Timeout: 2 * time.Second}).Dial,
	}}
	return client
}

// Defaults that flags may change: local by default, or not.
func serveCache(handler http.Handler) error {
	args := struct {
		Addr string
	}{
		Addr: "localhost:2076",
	}
	flag.StringVar(&args.Addr, "addr", args.Addr, "address to serve on")
	flag.Parse()
	srv := &http.Server{Addr: args.Addr, Handler: handler}
	return srv.ListenAndServe()
}

func serveShared(handler http.Handler) error {
	args := struct {
		Addr string
	}{
		Addr: ":2076",
	}
	flag.StringVar(&args.Addr, "addr", args.Addr, "address to serve on")
	flag.Parse()
	srv := &http.Server{Addr: args.Addr, Handler: handler} // want GL006 "http.Server without ReadHeaderTimeout"
	return srv.ListenAndServe()
}

// A documentation server on a flag whose default, a constant, is a loopback address.
const defaultDocAddress = "localhost:6060"

var docAddress = flag.String("http", defaultDocAddress, "address to serve the docs on")

func serveDocs(handler http.Handler) error {
	return http.ListenAndServe(*docAddress, handler)
}

// The same server on the public flag's address.
func servePublicDocs(handler http.Handler) error {
	return http.ListenAndServe(*publicAddress, handler) // want GL006 "http.ListenAndServe runs an http.Server without timeouts that slow clients can hold open forever; use an http.Server with ReadHeaderTimeout"
}

// A local flag named like the package's loopback one: its default is public.
func serveOtherDocs(handler http.Handler) error {
	docAddress := flag.String("other-http", ":6060", "address to serve other docs on")
	flag.Parse()
	return http.ListenAndServe(*docAddress, handler) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
