module example.com/regmod

go 1.21
