package ghestest

import "net/http"

// A route is one endpoint of the fake: its mux pattern ("METHOD /path/{name}",
// the documented path with wildcards, which also names its operation in
// internal/ops), who may call it, the preview media type GHES 2.22 requires
// (or "") and its handler. Each area's file has its table of routes, named
// after the SDK's file of the same name.
type route struct {
	pattern string
	acc     access
	preview string
	h       handler
}

// apiRoutes are the REST API's areas, served under /api/v3. A new area is
// a file named like the SDK's file that sends its operations, holding
// `var xxxRoutes = []route{{"GET /path/{id}", accessAdmin, "", hGetX}, …}`,
// and one line here (TestAreasMatchTheSDKFiles checks both).
var apiRoutes = [][]route{
	usersRoutes,
	organizationsRoutes,
	teamsRoutes,
	ldapRoutes,
	licenseRoutes,
	statsRoutes,
	metaRoutes,
	adminHooksRoutes,
	preReceiveEnvironmentsRoutes,
	preReceiveHooksRoutes,
	runnerGroupsRoutes,
	runnersRoutes,
	announcementRoutes,
	actionsPermissionsRoutes,
	actionsCacheRoutes,
	codeSecurityRoutes,
	codeSecurityConfigurationsRoutes,
	customPropertiesRoutes,
	secretScanningRoutes,
	auditlogRoutes,
	auditlogStreamsRoutes,
	scimRoutes,
	liveMigrationsRoutes,
	enterpriseAppsRoutes,
	rulesetsRoutes,
	bypassRequestsRoutes,
	advancedSecurityRoutes,
	alertsRoutes,
}

// adminPortRoutes are the administration port's areas.
var adminPortRoutes = [][]route{
	managementConsoleRoutes,
	manageRoutes,
}

// register registers every route of areas on m with s.route.
func (s *Server) register(m *http.ServeMux, areas [][]route) {
	for _, area := range areas {
		for _, r := range area {
			s.route(m, r.pattern, r.acc, r.preview, r.h)
		}
	}
}

// apiMux serves the REST API under /api/v3.
func (s *Server) apiMux() http.Handler {
	m := http.NewServeMux()
	s.register(m, apiRoutes)
	m.HandleFunc("/", notFoundJSON)
	root := http.NewServeMux()
	root.Handle("/api/v3/", http.StripPrefix("/api/v3", m))
	s.reportRoutes(root)
	root.HandleFunc("/", notFoundJSON)
	return root
}

// consoleMux serves the administration port.
func (s *Server) consoleMux() http.Handler {
	m := http.NewServeMux()
	s.register(m, adminPortRoutes)
	m.HandleFunc("/", notFoundJSON)
	return m
}
