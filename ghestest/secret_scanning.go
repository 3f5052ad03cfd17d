package ghestest

// secretScanningRoutes are the routes of the operations of the SDK's secret_scanning.go (handlers in
// security.go and security_alerts.go).
var secretScanningRoutes = []route{
	{"GET /enterprises/{enterprise}/secret-scanning/pattern-configurations", accessAdmin, "", ent(hListPatterns)},
	{"PATCH /enterprises/{enterprise}/secret-scanning/pattern-configurations", accessAdmin, "", ent(hPatchPatterns)},
}
