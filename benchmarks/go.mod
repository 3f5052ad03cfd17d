module github.com/ghesadmin/ghesadmin/benchmarks

go 1.24.0

require github.com/ghesadmin/ghesadmin v0.0.0-00010101000000-000000000000

require (
	golang.org/x/crypto v0.36.0 // indirect
	golang.org/x/sys v0.31.0 // indirect
)

require (
	github.com/google/go-github/v75 v75.0.0
	github.com/google/go-querystring v1.1.0 // indirect
)

replace github.com/ghesadmin/ghesadmin => ../
