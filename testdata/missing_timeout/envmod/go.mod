module example.com/envmod

go 1.21
