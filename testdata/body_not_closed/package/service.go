package service

import "net/http"

type service struct {
	base   string
	client *http.Client
}

func (s *service) httpClient() *http.Client { return s.client }
