module example.com/oncemod

go 1.21
