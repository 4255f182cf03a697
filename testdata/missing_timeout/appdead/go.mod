module example.com/appdead

go 1.21
