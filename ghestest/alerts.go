package ghestest

// alertsRoutes are the routes of the operations of the SDK's alerts.go (handlers in
// security.go and security_alerts.go).
var alertsRoutes = []route{
	{"GET /enterprises/{enterprise}/code-scanning/alerts", accessAdmin, "", ent(hCodeAlerts)},
	{"GET /enterprises/{enterprise}/dependabot/alerts", accessAdmin, "", ent(hDepAlerts)},
	{"GET /enterprises/{enterprise}/secret-scanning/alerts", accessAdmin, "", ent(hSecretAlerts)},
}
