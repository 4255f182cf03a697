module example.com/streammod

go 1.21
