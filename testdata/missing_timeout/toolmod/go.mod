module example.com/toolmod

go 1.21
