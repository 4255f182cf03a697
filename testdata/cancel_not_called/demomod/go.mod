module example.com/demomod

go 1.21
