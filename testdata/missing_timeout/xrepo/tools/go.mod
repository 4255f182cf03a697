module example.org/x/tools

go 1.21
