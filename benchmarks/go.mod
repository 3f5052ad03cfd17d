module github.com/ghesadmin/ghesadmin/benchmarks

go 1.24.0

require github.com/ghesadmin/ghesadmin v0.0.0-00010101000000-000000000000

require (
	github.com/google/go-github/v75 v75.0.0
	github.com/google/go-querystring v1.1.0 // indirect
)

replace github.com/ghesadmin/ghesadmin => ../
