module example.com/suitemod/test/helloworld

go 1.21
