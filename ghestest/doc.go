// Package ghestest provides an in-memory, stateful fake of a GitHub
// Enterprise Server (GHES) for testing code that administers one.
//
// NewServer (or New, in tests) starts two HTTP listeners on 127.0.0.1: the
// REST API, served under /api/v3/, and the administration port, which serves
// the Management Console API (/setup/api/..., GHES ≤ 3.14) and the Manage
// GHES API (/manage/v1/..., in stages from GHES 3.9) over shared state: maintenance mode
// set through one is seen through the other, and so are settings, SSH keys,
// the license and configuration runs.
//
// The fake keeps users, organizations, teams, repositories, public keys,
// personal access and impersonation tokens, global webhooks, pre-receive
// environments and hooks (with organization and repository enforcement
// overrides), Actions runner groups, runners and their labels, registration
// and remove tokens, the license, console settings, maintenance, authorized
// SSH keys and configuration runs. Statistics and license seats are computed
// from that state.
//
// It answers as the GHES reference documents: status codes, bodies (built
// from its state as JSON objects with the member names of the reference, not
// from the ghesadmin SDK's structs, so a wrong JSON tag in the SDK shows up
// in tests), Link pagination
// with page and per_page (default 30, at most 100), sort and direction where
// documented, and the documented validation messages. Every reply carries
// X-GitHub-Enterprise-Version. A path no route serves answers GHES's JSON
// 404 ({"message":"Not Found","documentation_url":...}).
//
// Besides the administration endpoints it serves the lookups admin tools
// need: GET /users/{username}, GET /orgs/{org} and
// GET /orgs/{org}/teams/{team_slug} from its state, and GET /users and
// GET /organizations paged as GHES pages them, with a since cursor (the last
// ID returned) in the Link next URL.
//
// # Seeding
//
// WithUsers, WithOrgs, WithTeams, WithRepos, WithPublicKeys, WithTokens,
// WithRunnerGroups and WithRunners seed the initial state; WithSeed takes
// all of them as one Seed value, which ReadSeed reads from the JSON that
// SeedFormat documents (the format of `ghesfake -seed`).
//
// # Authentication
//
// The REST API takes "Authorization: token <t>" (or "Bearer <t>"). Without
// credentials it answers 401 on the administration endpoints, and a wrong
// token is refused with 401 on every endpoint, GET /meta included; with a
// token of a user who is not a site
// administrator, admin endpoints answer 404 (and the site_admin and
// suspended endpoints 403), as GHES does. The administration port takes HTTP
// basic authentication "api_key:<console password>" and answers 401
// otherwise. The admin token and console password are generated unless set
// with WithAdminToken and WithConsolePassword.
//
// # Versions
//
// WithVersion selects the GHES version (default DefaultVersion). With a 2.22
// version the endpoints that were previews then (global webhooks,
// pre-receive environments and hooks, team LDAP mapping) answer 415 unless
// the preview media type is in the Accept header; 3.x ignores previews.
//
// The fake serves exactly the operations of its release, from the same
// table of operations and releases as the SDK (generated from GitHub's
// description of every release): an operation the release lacks answers
// 404 {"message":"Not Found","documentation_url":
// "https://docs.github.com/enterprise-server@X.Y/rest"}, as GHES does. So
// runner labels answer 404 on 2.22, JIT runner configuration and security
// product statistics before 3.10,
// the Manage API in its stages (version, nodes and replication status from
// 3.9, maintenance from 3.10, the rest from 3.12, upgrades from 3.22), and
// /setup/api from 3.15 on. A release between two described ones that no
// description covers (3.0–3.3, 3.20, 3.21) is not refused an operation
// unless a described release proves it absent.
//
// # State machines
//
// Pre-receive environment downloads, configuration runs, config apply runs
// and upgrade downloads advance with status reads, not wall time: after a
// start, the status is read as in progress a few times (WithStatusReads,
// default 3 reads to completion) and then as finished. A pre-receive
// environment whose image URL has a host ending in ".invalid" fails to
// download.
//
// # Faults
//
// Faults (WithFaults, Server.AddFault) make matching requests answer with a
// status and body, wait, drop the connection or hit a primary or secondary
// rate limit, every time or for the first N matches. Server.RequestCount
// counts requests per method and path, faulted or not.
package ghestest
