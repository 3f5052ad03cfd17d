package ghesadmin

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// The GHES release of the server, and the refusal of the calls that release
// does not have.
//
// A Client knows the release of its server when it is pinned with
// WithServerVersion, or once a reply has told it: every reply on either port
// carries an X-GitHub-Enterprise-Version header, and Meta.Get reads
// installed_version. The latest value learned wins, so a client that outlives
// an upgrade of its server follows it; a pinned release never changes.
//
// While the release is known, every call (the service methods, their …Iter
// and WaitFor… forms, and Do for a request that names an operation of the
// table) whose operation that release does not have fails before anything
// is sent, with an *UnsupportedVersionError. While it is unknown, nothing is
// refused. Releases that GitHub's descriptions do not cover (3.0 to 3.3,
// 3.20, 3.21) are refused an operation only when a covered release proves
// its absence; a release newer than any described keeps every operation of
// the newest described one.

// ErrUnsupportedVersion matches (errors.Is) every *UnsupportedVersionError.
var ErrUnsupportedVersion = errors.New("ghesadmin: operation not available on this GHES release")

// UnsupportedVersionError reports a call refused before sending because the
// server's GHES release does not have its operation.
type UnsupportedVersionError struct {
	// Method is the HTTP method of the operation, such as "GET".
	Method string
	// Path is the documented path template of the operation, such as
	// "/manage/v1/config/settings" or "/admin/users/{username}".
	Path string
	// ServerVersion is the server's feature release, such as "3.11".
	ServerVersion string
	// Since is the first release that has the operation, such as "3.12";
	// "" when every supported release up to Until has it.
	Since string
	// Until is the last release that has it, such as "3.14"; "" when the
	// newest release still has it.
	Until string
}

// Error names the operation, the server's release and the releases that
// have the operation.
func (e *UnsupportedVersionError) Error() string {
	o := ops.Operation{Method: e.Method, Path: e.Path, Since: e.Since, Until: e.Until}
	return fmt.Sprintf("ghesadmin: %s %s is not available on GHES %s (available in %s)",
		e.Method, e.Path, e.ServerVersion, strings.TrimPrefix(o.Releases(), "GHES "))
}

// Is makes errors.Is(err, ErrUnsupportedVersion) true.
func (e *UnsupportedVersionError) Is(target error) bool { return target == ErrUnsupportedVersion }

// serverVersion is one known release of the server: the value as given or
// received, and the feature release read from it.
type serverVersion struct {
	raw     string
	release ops.Release
}

// versionState holds the server's release. It is safe for concurrent use:
// the value is swapped atomically, and a pinned release is never replaced.
type versionState struct {
	pinned bool
	cur    atomic.Pointer[serverVersion]
}

// WithServerVersion tells the client the GHES release of its server, such as
// "3.14.2", "3.12" or "enterprise-server@3.9.0", so that calls this release
// does not have are refused before anything is sent (*UnsupportedVersionError)
// from the first call on, without asking the server. A pinned release is
// never replaced by what replies say. Without this option, the client learns
// the release from the replies (see Client.ServerVersion).
func WithServerVersion(v string) Option {
	return func(c *config) error {
		v = strings.TrimSpace(v)
		if _, ok := ops.ParseRelease(v); !ok {
			return fmt.Errorf("WithServerVersion: %q is not a GHES version (want MAJOR.MINOR[.PATCH])", v)
		}
		c.serverVersion = v
		return nil
	}
}

// ServerVersion returns the GHES version of the server as the client knows
// it: the value of WithServerVersion, or else the latest one a reply gave
// (its X-GitHub-Enterprise-Version header, such as
// "enterprise-server@3.14.2", or the installed_version of Meta.Get, such as
// "3.14.2"). The latest value received wins, so a client that outlives an
// upgrade of its server follows it. It returns "" while the version is
// unknown.
//
// While it is known, a call whose operation that release lacks (the service
// methods, their …Iter and WaitFor… forms, and Do for a request that names
// an operation of the SDK's table) fails at once, before anything is sent,
// with an *UnsupportedVersionError; while it is unknown, nothing is refused.
func (c *Client) ServerVersion() string {
	if v := c.version.cur.Load(); v != nil {
		return v.raw
	}
	return ""
}

// learnVersion records v, a version a reply gave, unless the release is
// pinned or v is not a version. The latest value wins.
func (c *Client) learnVersion(v string) {
	if c.version.pinned || v == "" {
		return
	}
	if cur := c.version.cur.Load(); cur != nil && cur.raw == v {
		return // the usual case: nothing changes, nothing allocated
	}
	r, ok := ops.ParseRelease(v)
	if !ok {
		return
	}
	c.version.cur.Store(&serverVersion{raw: v, release: r})
}

// learnFrom records the release that the reply resp says.
func (c *Client) learnFrom(resp *Response) {
	if resp != nil {
		c.learnVersion(resp.EnterpriseVersion)
	}
}

// checkOperation refuses method and path (escaped, relative to the
// backend's base, with or without a leading "/") when the server's release
// is known and lacks the operation they call. Paths that name no operation
// of the table are never refused.
func (c *Client) checkOperation(method, path string) error {
	v := c.version.cur.Load()
	if v == nil {
		return nil
	}
	op, ok := ops.Match(method, path)
	if !ok || op.Has(v.release) {
		return nil
	}
	return &UnsupportedVersionError{
		Method:        op.Method,
		Path:          op.Path,
		ServerVersion: v.release.String(),
		Since:         op.Since,
		Until:         op.Until,
	}
}

// checkRequest checks a request a service method built, before anything
// is built or sent: its arguments (prepare, which also fills its path),
// then checkOperation.
func (c *Client) checkRequest(r *request) error {
	if err := r.prepare(); err != nil {
		return err
	}
	return c.checkOperation(r.method, r.path)
}

// checkRaw is checkOperation for a request given to Do: it is checked when
// it goes to the REST API or the administration port.
func (c *Client) checkRaw(req *http.Request, b *backend) error {
	if b == nil || c.version.cur.Load() == nil {
		return nil
	}
	p, base := req.URL.EscapedPath(), b.base.EscapedPath()
	if !strings.HasPrefix(p, base) {
		return nil
	}
	return c.checkOperation(req.Method, strings.TrimPrefix(p, base))
}
