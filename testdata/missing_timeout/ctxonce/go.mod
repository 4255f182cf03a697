module example.com/ctxonce

go 1.21
