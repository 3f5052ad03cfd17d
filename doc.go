// Package ghesadmin is a client for the administration APIs of GitHub
// Enterprise Server (GHES): the site-administration endpoints of the REST API
// (users, organizations, global webhooks, LDAP, license, statistics,
// pre-receive environments and hooks, enterprise Actions runners and runner
// groups) and the administration port (the Management Console under
// /setup/api and the Manage GHES API under /manage/v1).
//
// Create a client with NewClient; it does no I/O:
//
//	client, err := ghesadmin.NewClient("https://ghe.example.com",
//		ghesadmin.WithToken(os.Getenv("GHES_TOKEN")))
//
// Every method takes a context first and returns the decoded value, a
// *Response (with pagination links, rate limit and request ID) and an error.
// Non-2xx replies are *ErrorResponse values, matchable with errors.Is
// (ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited) and errors.As
// (*ValidationError, *RateLimitError, *SecondaryRateLimitError).
//
// Lists have an …Iter twin that walks every page lazily as an iter.Seq2.
//
// One build serves every GHES release: each method's doc names the releases
// that have its operation. Once the client knows the server's release
// (WithServerVersion, or the first reply), a call that release lacks fails
// before sending with an *UnsupportedVersionError (ErrUnsupportedVersion).
//
// The package ghestest provides an in-memory fake GHES for tests.
package ghesadmin
