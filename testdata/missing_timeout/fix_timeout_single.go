package fixes

import "net/http"

func cookieClient(jar http.CookieJar) *http.Client {
	c := &http.Client{ // want GL006
		Jar: jar,
	}
	return c
}
