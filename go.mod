module github.com/ghesadmin/ghesadmin

go 1.23

require github.com/google/go-querystring v1.1.0

require github.com/getkin/kin-openapi v0.135.0 // indirect
