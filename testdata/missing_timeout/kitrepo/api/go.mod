module github.com/acme/kit/api

go 1.21
