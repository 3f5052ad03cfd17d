package ghestest

import (
	"net/http"
)

// metaRoutes are the endpoints of the SDK's meta.go.
var metaRoutes = []route{
	{"GET /meta", accessPublic, "", hMeta},
}

func hMeta(c *call) {
	c.json(http.StatusOK, map[string]any{
		"verifiable_password_authentication": true,
		"installed_version":                  c.s.version,
	})
}
