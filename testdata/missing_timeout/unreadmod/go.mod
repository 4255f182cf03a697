module example.com/unreadmod

go 1.21
