module github.com/example/sdk/samples/http

go 1.21
