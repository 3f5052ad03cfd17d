package ghestest

// bypassRequestsRoutes are the routes of bypass requests (handlers in enterprise_admin.go).
var bypassRequestsRoutes = []route{
	{"GET /enterprises/{enterprise}/bypass-requests/push-rules", accessAdmin, "", ent(hBypassRequests("push_rules"))},
	{"GET /enterprises/{enterprise}/bypass-requests/secret-scanning", accessAdmin, "", ent(hBypassRequests("secret_scanning"))},
}
