package ghestest

// liveMigrationsRoutes are the routes of live migrations (handlers in enterprise_admin.go).
var liveMigrationsRoutes = []route{
	{"GET /enterprise/live-migrations", accessAdmin, "", hListMigrations},
	{"POST /enterprise/live-migrations", accessAdmin, "", hCreateMigration},
	{"GET /enterprise/live-migrations/{id}", accessAdmin, "", hGetMigration},
	{"POST /enterprise/live-migrations/{id}/start", accessAdmin, "", migrationAction("start")},
	{"POST /enterprise/live-migrations/{id}/pause", accessAdmin, "", migrationAction("pause")},
	{"POST /enterprise/live-migrations/{id}/resume", accessAdmin, "", migrationAction("resume")},
	{"POST /enterprise/live-migrations/{id}/cutover", accessAdmin, "", migrationAction("cutover")},
	{"POST /enterprise/live-migrations/{id}/revert-cutover", accessAdmin, "", migrationAction("revert-cutover")},
	{"POST /enterprise/live-migrations/{id}/cancel", accessAdmin, "", migrationAction("cancel")},
}
