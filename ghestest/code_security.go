package ghestest

// codeSecurityRoutes are the routes of the operations of the SDK's code_security.go (handlers in
// security.go and security_alerts.go).
var codeSecurityRoutes = []route{
	{"GET /enterprises/{enterprise}/code_security_and_analysis", accessAdmin, "", ent(hGetAnalysis)},
	{"PATCH /enterprises/{enterprise}/code_security_and_analysis", accessAdmin, "", ent(hPatchAnalysis)},
	{"POST /enterprises/{enterprise}/{security_product}/{enablement}", accessAdmin, "", ent(hSetFeature)},
}
