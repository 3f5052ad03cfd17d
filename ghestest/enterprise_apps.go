package ghestest

// enterpriseAppsRoutes are the routes of app installations on enterprise organizations (handlers in enterprise_admin.go).
var enterpriseAppsRoutes = []route{
	{"GET /enterprises/{enterprise}/apps/installable_organizations", accessAdmin, "", ent(hInstallableOrgs)},
	{"GET /enterprises/{enterprise}/apps/installable_organizations/{org}/accessible_repositories", accessAdmin, "", ent(hAccessibleRepos)},
	{"GET /enterprises/{enterprise}/apps/organizations/{org}/installations", accessAdmin, "", ent(hListInstallations)},
	{"POST /enterprises/{enterprise}/apps/organizations/{org}/installations", accessAdmin, "", ent(hCreateInstallation)},
	{"DELETE /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}", accessAdmin, "", ent(hDeleteInstallation)},
	{"GET /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories", accessAdmin, "", ent(hInstallationRepos)},
	{"PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories", accessAdmin, "", ent(hSetInstallationRepos)},
	{"PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories/add", accessAdmin, "", ent(hChangeInstallationRepos(true))},
	{"PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories/remove", accessAdmin, "", ent(hChangeInstallationRepos(false))},
}
