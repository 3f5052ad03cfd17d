package ghestest

import "net/http"

// apiMux serves the REST API under /api/v3.
func (s *Server) apiMux() http.Handler {
	m := http.NewServeMux()
	s.userRoutes(m)
	s.hookRoutes(m)
	s.preReceiveRoutes(m)
	s.actionsRoutes(m)
	s.lookupRoutes(m)
	s.enterpriseAdminRoutes(m)
	m.HandleFunc("/", notFoundJSON)
	root := http.NewServeMux()
	root.Handle("/api/v3/", http.StripPrefix("/api/v3", m))
	root.HandleFunc("/", notFoundJSON)
	return root
}

// consoleMux serves the administration port.
func (s *Server) consoleMux() http.Handler {
	m := http.NewServeMux()
	s.consoleRoutes(m)
	s.manageRoutes(m)
	m.HandleFunc("/", notFoundJSON)
	return m
}
