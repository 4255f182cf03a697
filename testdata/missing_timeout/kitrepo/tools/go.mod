module github.com/acme/kit/tools

go 1.21
