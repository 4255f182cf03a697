package server

import "example.com/svc/cache"

type handler struct{ links *cache.Registry }
