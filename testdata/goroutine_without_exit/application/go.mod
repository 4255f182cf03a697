module example.com/application

go 1.20
