package report

import (
	"io"
	"net/http"
)

// Mirror is named only by its declaration, its method and the check that it is an
// io.Writer: nothing makes one, so its Write never runs (low).
type Mirror struct {
	URL string
}

func (m *Mirror) Write(p []byte) (int, error) {
	resp, err := http.Get(m.URL) // want GL006:low "http.Get uses http.DefaultClient"
	if err != nil {
		return 0, err
	}
	return len(p), resp.Body.Close()
}

var _ io.Writer = &Mirror{}

// Echo is made by NewEcho, which the command calls: its Write may run (shown).
type Echo struct {
	URL string
}

func NewEcho(url string) *Echo { return &Echo{URL: url} }

func (e *Echo) Write(p []byte) (int, error) {
	resp, err := http.Get(e.URL) // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return 0, err
	}
	return len(p), resp.Body.Close()
}

var _ io.Writer = (*Echo)(nil)
