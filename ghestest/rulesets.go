package ghestest

// rulesetsRoutes are the routes of enterprise ruleset history (handlers in enterprise_admin.go).
var rulesetsRoutes = []route{
	{"GET /enterprises/{enterprise}/rulesets/{ruleset_id}/history", accessAdmin, "", ent(hRulesetHistory)},
	{"GET /enterprises/{enterprise}/rulesets/{ruleset_id}/history/{version_id}", accessAdmin, "", ent(hRulesetVersion)},
}
