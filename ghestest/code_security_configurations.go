package ghestest

// codeSecurityConfigurationsRoutes are the routes of the operations of the SDK's code_security_configurations.go (handlers in
// security.go and security_alerts.go).
var codeSecurityConfigurationsRoutes = []route{
	{"GET /enterprises/{enterprise}/code-security/configurations", accessAdmin, "", ent(hListConfigs)},
	{"POST /enterprises/{enterprise}/code-security/configurations", accessAdmin, "", ent(hCreateConfig)},
	{"GET /enterprises/{enterprise}/code-security/configurations/defaults", accessAdmin, "", ent(hConfigDefaults)},
	{"GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}", accessAdmin, "", ent(hGetConfig)},
	{"PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}", accessAdmin, "", ent(hUpdateConfig)},
	{"DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}", accessAdmin, "", ent(hDeleteConfig)},
	{"POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach", accessAdmin, "", ent(hAttachConfig)},
	{"PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults", accessAdmin, "", ent(hSetConfigDefault)},
	{"GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories", accessAdmin, "", ent(hConfigRepos)},
}
