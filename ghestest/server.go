package ghestest

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// A Server is a running fake GHES: the REST API and the administration
// port, each on its own loopback listener. It is safe for concurrent use.
type Server struct {
	mu  sync.Mutex // guards st, version and the fault list
	st  *state
	ea  *eaState // enterprise_admin.go: SCIM, live migrations, installations, ruleset history, bypass requests
	cfg config

	version      string
	major, minor int

	routes []routeInfo // written while the muxes are built, then read only

	faults []*faultRec
	counts map[string]int

	apiURL, consoleURL string
	apiSrv, consoleSrv *http.Server
	apiLn, consoleLn   net.Listener
	closeOnce          sync.Once
	wg                 sync.WaitGroup
}

// NewServer starts a fake GHES configured by opts. It returns an error for a
// bad option or seed, or when a listener cannot be opened. Call Close when
// done.
func NewServer(opts ...Option) (*Server, error) {
	c := config{
		version:      DefaultVersion,
		adminLogin:   DefaultAdminLogin,
		enterprise:   DefaultEnterprise,
		apiAddr:      "127.0.0.1:0",
		consoleAddr:  "127.0.0.1:0",
		licenseSeats: 100,
		statusReads:  3,
		now:          time.Now,
	}
	for _, opt := range opts {
		if opt == nil {
			return nil, errors.New("ghestest: nil Option")
		}
		if err := opt(&c); err != nil {
			return nil, err
		}
	}
	var err error
	if c.adminToken == "" {
		if c.adminToken, err = randomString("ghp_", 18); err != nil {
			return nil, err
		}
	}
	if c.consolePassword == "" {
		if c.consolePassword, err = randomString("console-", 12); err != nil {
			return nil, err
		}
	}
	if c.licenseExpiry.IsZero() {
		c.licenseExpiry = c.now().AddDate(1, 0, 0)
	}
	s := &Server{st: &state{}, cfg: c, counts: map[string]int{}}
	s.setVersion(c.version)
	if err := s.seed(&c); err != nil {
		return nil, err
	}
	for _, f := range c.faults {
		s.faults = append(s.faults, &faultRec{Fault: f})
	}

	s.apiLn, err = net.Listen("tcp", c.apiAddr)
	if err != nil {
		return nil, fmt.Errorf("ghestest: listen for the API: %w", err)
	}
	s.consoleLn, err = net.Listen("tcp", c.consoleAddr)
	if err != nil {
		_ = s.apiLn.Close()
		return nil, fmt.Errorf("ghestest: listen for the administration port: %w", err)
	}
	s.apiURL = "http://" + s.apiLn.Addr().String()
	s.consoleURL = "http://" + s.consoleLn.Addr().String()
	s.apiSrv = &http.Server{Handler: s.outer(false, s.apiMux()), ReadHeaderTimeout: 10 * time.Second}
	s.consoleSrv = &http.Server{Handler: s.outer(true, s.consoleMux()), ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(2)
	go func() { defer s.wg.Done(); _ = s.apiSrv.Serve(s.apiLn) }()
	go func() { defer s.wg.Done(); _ = s.consoleSrv.Serve(s.consoleLn) }()
	return s, nil
}

// New starts a fake GHES for a test, failing the test if it cannot start,
// and closes it when the test ends.
func New(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := NewServer(opts...)
	if err != nil {
		t.Fatalf("ghestest.New: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// Close stops both listeners, closes every connection at once (idle ones,
// and ones a client opened ahead without sending a request yet) and waits
// for the servers to stop. It may be called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		_ = s.apiSrv.Close()
		_ = s.consoleSrv.Close()
		s.wg.Wait()
	})
}

// URL returns the origin of the REST API, such as "http://127.0.0.1:41234";
// the API itself is under URL()+"/api/v3".
func (s *Server) URL() string { return s.apiURL }

// APIURL returns the base URL of the REST API: URL()+"/api/v3/".
func (s *Server) APIURL() string { return s.apiURL + "/api/v3/" }

// ConsoleURL returns the origin of the administration port (Management
// Console and Manage GHES API).
func (s *Server) ConsoleURL() string { return s.consoleURL }

// Token returns the site administrator's token.
func (s *Server) Token() string { return s.cfg.adminToken }

// ConsolePassword returns the Management Console password.
func (s *Server) ConsolePassword() string { return s.cfg.consolePassword }

// AdminLogin returns the login of the site administrator owning Token.
func (s *Server) AdminLogin() string { return s.cfg.adminLogin }

// Enterprise returns the enterprise slug of the Actions endpoints.
func (s *Server) Enterprise() string { return s.cfg.enterprise }

// Version returns the GHES version the fake reports (it changes when an
// upgrade applied through /manage/v1 completes).
func (s *Server) Version() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// Client returns a ghesadmin client wired to the fake: the REST API with
// the admin token, the administration port with the console password, and
// the web origin of the reports with the admin's login and token.
// opts are applied after those, so they may override them.
func (s *Server) Client(opts ...ghesadmin.Option) (*ghesadmin.Client, error) {
	all := []ghesadmin.Option{
		ghesadmin.WithToken(s.cfg.adminToken),
		ghesadmin.WithManagementConsole(s.consoleURL, s.cfg.consolePassword),
		ghesadmin.WithSiteAdmin(s.cfg.adminLogin, s.cfg.adminToken), // the reports' web origin
	}
	all = append(all, opts...)
	return ghesadmin.NewClient(s.apiURL, all...)
}

func (s *Server) now() time.Time { return s.cfg.now() }

// setVersion must be called with s.mu held (or before serving).
func (s *Server) setVersion(v string) {
	s.version = v
	s.major, s.minor, _ = parseVersion(v)
}

// release is the feature release of s.version (s.mu held).
func (s *Server) release() ops.Release {
	return ops.Release{Major: s.major, Minor: s.minor}
}

func randomString(prefix string, n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("ghestest: generate a secret: %w", err)
	}
	return prefix + hex.EncodeToString(b), nil
}

// outer wraps a listener's mux: it counts the request, applies faults and
// sets the version header.
func (s *Server) outer(console bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.EscapedPath()
		if !console {
			p = strings.TrimPrefix(p, "/api/v3")
			if p == "" {
				p = "/"
			}
		}
		s.mu.Lock()
		s.counts[r.Method+" "+p]++
		f := s.matchFault(r.Method, p)
		v := s.version
		s.mu.Unlock()
		w.Header().Set("X-GitHub-Enterprise-Version", "enterprise-server@"+v)
		w.Header().Set("X-GitHub-Request-Id", fmt.Sprintf("GHESTEST:%d", time.Now().UnixNano()))
		if f != nil && s.applyFault(w, r, f) {
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequestCount returns how many requests with this method and path the
// fake received (faulted ones included). path is the escaped path without
// a query: for the REST API with or without the "/api/v3" prefix
// ("/admin/hooks"), for the administration port as sent
// ("/setup/api/maintenance").
func (s *Server) RequestCount(method, path string) int {
	if p := strings.TrimPrefix(path, "/api/v3"); p != path {
		path = p
		if path == "" {
			path = "/"
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[strings.ToUpper(method)+" "+path]
}

// ResetRequestCounts sets every request count back to zero.
func (s *Server) ResetRequestCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts = map[string]int{}
}
