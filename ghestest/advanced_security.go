package ghestest

// advancedSecurityRoutes are the routes of the operations of the SDK's advanced_security.go (handlers in
// security.go and security_alerts.go).
var advancedSecurityRoutes = []route{
	{"GET /enterprises/{enterprise}/settings/billing/advanced-security", accessAdmin, "", ent(hASCommitters)},
}
