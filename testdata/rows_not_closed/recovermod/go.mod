module example.com/recovermod

go 1.21
