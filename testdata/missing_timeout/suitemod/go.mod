module example.com/suitemod

go 1.21
