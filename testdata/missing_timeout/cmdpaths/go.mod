module example.com/cmdpaths

go 1.22
