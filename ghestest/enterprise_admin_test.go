package ghestest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func eaServer(t *testing.T, opts ...Option) (*Server, func(method, path, body string) reply) {
	t.Helper()
	s := New(t, append([]Option{WithVersion("3.19.0"),
		WithOrgs(Org{Login: "acme", Admin: DefaultAdminLogin}),
		WithRepos(Repo{Owner: "acme", Name: "api"}, Repo{Owner: "acme", Name: "web"}),
		WithApps(App{ClientID: "Iv1.ci", Slug: "ci"})}, opts...)...)
	call := func(method, path, body string) reply {
		t.Helper()
		ct := ""
		if strings.HasPrefix(path, "/scim/") {
			ct = "application/scim+json"
		}
		return do(t, req{method: method, url: s.APIURL() + strings.TrimPrefix(path, "/"), body: body, contentType: ct, token: s.Token()})
	}
	return s, call
}

func wantReply(t *testing.T, what string, r reply, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: %d %s, want %d", what, r.status, r.body, status)
	}
}

const scimMona = `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"e-mona","active":true,"userName":"mona","displayName":"Mona",
	"emails":[{"value":"mona@example.com","type":"work","primary":true}]}`

func TestSCIMUsersOverHTTP(t *testing.T) {
	s, call := eaServer(t)
	base := "/scim/v2/enterprises/" + s.Enterprise()
	r := call("POST", base+"/Users", scimMona)
	wantReply(t, "create", r, http.StatusCreated)
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/scim+json") {
		t.Errorf("Content-Type %q", ct)
	}
	id, _ := r.obj(t)["id"].(string)
	if u, ok := s.User("mona"); !ok || u.Suspended {
		t.Fatalf("provisioned account %+v %v", u, ok)
	}

	// A duplicate userName: 409 with a SCIM error body.
	r = call("POST", base+"/Users", strings.Replace(scimMona, "e-mona", "e-other", 1))
	wantReply(t, "duplicate", r, http.StatusConflict)
	e := r.obj(t)
	if e["scimType"] != "uniqueness" || e["status"] != "409" || e["detail"] == "" || fmt.Sprint(e["schemas"]) != "[urn:ietf:params:scim:api:messages:2.0:Error]" {
		t.Errorf("duplicate body %s", r.body)
	}
	// Missing emails: 400.
	wantReply(t, "no emails", call("POST", base+"/Users", strings.Replace(scimMona, `"emails"`, `"x"`, 1)), http.StatusBadRequest)
	// A wrong content type: 415.
	r = do(t, req{method: "POST", url: s.APIURL() + base[1:] + "/Users", body: scimMona, contentType: "text/plain", token: s.Token()})
	wantReply(t, "text/plain", r, http.StatusUnsupportedMediaType)

	// Filters: userName eq (case-insensitive), malformed.
	r = call("GET", base+"/Users?filter="+url.QueryEscape(`userName eq "MONA"`), "")
	wantReply(t, "filter", r, http.StatusOK)
	if l := r.obj(t); l["totalResults"] != float64(1) {
		t.Errorf("filter: %s", r.body)
	}
	r = call("GET", base+"/Users?filter="+url.QueryEscape(`userName eq "nobody"`), "")
	if l := r.obj(t); l["totalResults"] != float64(0) {
		t.Errorf("filter nobody: %s", r.body)
	}
	r = call("GET", base+"/Users?filter="+url.QueryEscape(`emails co "x"`), "")
	wantReply(t, "bad filter", r, http.StatusBadRequest)
	if r.obj(t)["scimType"] != "invalidFilter" {
		t.Errorf("bad filter body %s", r.body)
	}

	// PATCH replace active false suspends; add name; remove displayName.
	r = call("PATCH", base+"/Users/"+id, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
		{"op":"replace","path":"active","value":"False"},{"op":"add","path":"name.givenName","value":"Mona"},{"op":"remove","path":"displayName"}]}`)
	wantReply(t, "patch", r, http.StatusOK)
	o := r.obj(t)
	if o["active"] != false || o["displayName"] != "" || o["name"].(map[string]any)["givenName"] != "Mona" {
		t.Errorf("patch: %s", r.body)
	}
	if u, _ := s.User("mona"); !u.Suspended {
		t.Errorf("active false did not suspend")
	}
	wantReply(t, "patch bad op", call("PATCH", base+"/Users/"+id, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"move","path":"x"}]}`), http.StatusBadRequest)

	// Paging by startIndex/count.
	for i := 0; i < 4; i++ {
		body := strings.NewReplacer("e-mona", fmt.Sprintf("e-%d", i), `"mona"`, fmt.Sprintf(`"user%d"`, i)).Replace(scimMona)
		wantReply(t, "create", call("POST", base+"/Users", body), http.StatusCreated)
	}
	r = call("GET", base+"/Users?startIndex=4&count=2", "")
	l := r.obj(t)
	if l["totalResults"] != float64(5) || l["startIndex"] != float64(4) || l["itemsPerPage"] != float64(2) {
		t.Errorf("page: %s", r.body)
	}

	// Groups: members, PATCH remove by filter, 404 after delete.
	r = call("POST", base+"/Groups", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"g1","displayName":"Ops","members":[{"value":"`+id+`","displayName":"Mona"}]}`)
	wantReply(t, "create group", r, http.StatusCreated)
	gid, _ := r.obj(t)["id"].(string)
	wantReply(t, "duplicate group", call("POST", base+"/Groups", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"g1","displayName":"Other"}`), http.StatusConflict)
	r = call("GET", base+"/Users/"+id, "")
	if gs, _ := r.obj(t)["groups"].([]any); len(gs) != 1 {
		t.Errorf("user's groups: %s", r.body)
	}
	r = call("PATCH", base+"/Groups/"+gid, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"`+id+`\"]"}]}`)
	wantReply(t, "remove member", r, http.StatusOK)
	if ms, _ := r.obj(t)["members"].([]any); len(ms) != 0 {
		t.Errorf("members after remove: %s", r.body)
	}
	wantReply(t, "delete group", call("DELETE", base+"/Groups/"+gid, ""), http.StatusNoContent)
	wantReply(t, "get deleted group", call("GET", base+"/Groups/"+gid, ""), http.StatusNotFound)
	wantReply(t, "delete user", call("DELETE", base+"/Users/"+id, ""), http.StatusNoContent)
	wantReply(t, "get deleted user", call("GET", base+"/Users/"+id, ""), http.StatusNotFound)
	// The wrong enterprise: 404; before 3.12: 404.
	wantReply(t, "other enterprise", call("GET", "/scim/v2/enterprises/other/Users", ""), http.StatusNotFound)
	old := New(t, WithVersion("3.11.0"))
	wantReply(t, "3.11", do(t, req{method: "GET", url: old.APIURL() + "scim/v2/enterprises/" + old.Enterprise() + "/Users", token: old.Token()}), http.StatusNotFound)
}

func TestLiveMigrationStateMachineOverHTTP(t *testing.T) {
	s, call := eaServer(t)
	body := `{"source_organization_login":"acme","source_repository_name":"api","target_organization_login":"t","target_repository_name":"api","target_api_endpoint":"https://t.example.com/api/v3","pat_name":"p"}`
	wantReply(t, "missing pat_name", call("POST", "/enterprise/live-migrations", strings.Replace(body, `"pat_name":"p"`, `"pat_name":""`, 1)), http.StatusUnprocessableEntity)
	wantReply(t, "unknown repo", call("POST", "/enterprise/live-migrations", strings.Replace(body, `"source_repository_name":"api"`, `"source_repository_name":"nope"`, 1)), http.StatusUnprocessableEntity)
	r := call("POST", "/enterprise/live-migrations", body)
	wantReply(t, "create", r, http.StatusCreated)
	id, _ := r.obj(t)["migration_id"].(string)
	wantReply(t, "duplicate", call("POST", "/enterprise/live-migrations", body), http.StatusConflict)
	steps := []struct {
		verb   string
		status int
		state  string
	}{
		{"resume", 409, "created"}, {"cutover", 409, "created"}, {"revert-cutover", 409, "created"},
		{"start", 204, "in_progress"}, {"start", 409, "in_progress"}, {"pause", 204, "paused"}, {"pause", 409, "paused"},
		{"resume", 204, "in_progress"}, {"cutover", 204, "completed"}, {"cancel", 409, "completed"},
		{"revert-cutover", 200, "paused"}, {"cancel", 204, "terminated"}, {"start", 409, "terminated"},
	}
	for _, st := range steps {
		wantReply(t, st.verb, call("POST", "/enterprise/live-migrations/"+id+"/"+st.verb, ""), st.status)
		r := call("GET", "/enterprise/live-migrations/"+id, "")
		if got := r.obj(t)["migration"].(map[string]any)["status"]; got != st.state {
			t.Fatalf("after %s: status %v, want %s", st.verb, got, st.state)
		}
	}
	if a, _ := s.RepoArchived("acme", "api"); a {
		t.Errorf("reverted migration left the source archived")
	}
	wantReply(t, "unknown", call("POST", "/enterprise/live-migrations/LM_0/start", ""), http.StatusNotFound)
	wantReply(t, "bad status", call("GET", "/enterprise/live-migrations?status=done", ""), http.StatusUnprocessableEntity)
	wantReply(t, "bad cursor", call("GET", "/enterprise/live-migrations?after=zzz", ""), http.StatusUnprocessableEntity)
}

func TestInstallationsOverHTTP(t *testing.T) {
	s, call := eaServer(t)
	base := "/enterprises/" + s.Enterprise() + "/apps/organizations/acme/installations"
	wantReply(t, "unknown app", call("POST", base, `{"client_id":"Iv1.nope","repository_selection":"all"}`), http.StatusNotFound)
	wantReply(t, "bad selection", call("POST", base, `{"client_id":"Iv1.ci","repository_selection":"some"}`), http.StatusUnprocessableEntity)
	wantReply(t, "unknown repo", call("POST", base, `{"client_id":"Iv1.ci","repository_selection":"selected","repositories":["nope"]}`), http.StatusUnprocessableEntity)
	r := call("POST", base, `{"client_id":"Iv1.ci","repository_selection":"none"}`)
	wantReply(t, "create", r, http.StatusCreated)
	id := int64(r.obj(t)["id"].(float64))
	wantReply(t, "again", call("POST", base, `{"client_id":"Iv1.ci","repository_selection":"all"}`), http.StatusOK)
	repos := fmt.Sprintf("%s/%d/repositories", base, id)
	if l := call("GET", repos, "").list(t); len(l) != 0 {
		t.Errorf("none: %v", l)
	}
	if l := call("PATCH", repos+"/add", `{"repositories":["web","api","web"]}`).list(t); len(l) != 2 || l[0]["name"] != "web" {
		t.Errorf("add: %v", l)
	}
	if l := call("PATCH", repos+"/remove", `{"repositories":["web"]}`).list(t); len(l) != 1 || l[0]["full_name"] != "acme/api" {
		t.Errorf("remove: %v", l)
	}
	wantReply(t, "add none", call("PATCH", repos+"/add", `{"repositories":[]}`), http.StatusUnprocessableEntity)
	wantReply(t, "all", call("PATCH", repos, `{"repository_selection":"all"}`), http.StatusOK)
	wantReply(t, "add with all", call("PATCH", repos+"/add", `{"repositories":["web"]}`), http.StatusUnprocessableEntity)
	if l := call("GET", repos+"?per_page=1", ""); len(l.list(t)) != 1 || !strings.Contains(l.header.Get("Link"), `rel="next"`) {
		t.Errorf("paged repositories: %s %v", l.body, l.header)
	}
	wantReply(t, "delete", call("DELETE", fmt.Sprintf("%s/%d", base, id), ""), http.StatusNoContent)
	wantReply(t, "delete again", call("DELETE", fmt.Sprintf("%s/%d", base, id), ""), http.StatusNotFound)
	wantReply(t, "unknown org", call("GET", "/enterprises/"+s.Enterprise()+"/apps/organizations/nope/installations", ""), http.StatusNotFound)
}

func TestRulesetHistoryAndBypassOverHTTP(t *testing.T) {
	s, call := eaServer(t,
		WithUsers(User{Login: "mona", Email: "mona@example.com"}),
		WithRulesetHistory(RulesetVersion{RulesetID: 2, Actor: "mona"}, RulesetVersion{RulesetID: 2}, RulesetVersion{RulesetID: 5}),
		WithBypassRequests(BypassRequest{Kind: "push_rules", Repo: "acme/api", Requester: "mona"},
			BypassRequest{Kind: "secret_scanning", Repo: "acme/api", Requester: "mona", Status: "denied", Reviewer: DefaultAdminLogin}))
	ent := "/enterprises/" + s.Enterprise()
	l := call("GET", ent+"/rulesets/2/history", "").list(t)
	if len(l) != 2 || l[0]["version_id"] != float64(2) || l[1]["actor"].(map[string]any)["id"] != float64(s.UserID("mona")) {
		t.Errorf("history: %v", l)
	}
	wantReply(t, "no history", call("GET", ent+"/rulesets/3/history", ""), http.StatusNotFound)
	if v := call("GET", ent+"/rulesets/5/history/1", "").obj(t); v["state"] == nil {
		t.Errorf("version: %v", v)
	}
	if l := call("GET", ent+"/bypass-requests/push-rules", "").list(t); len(l) != 1 || l[0]["status"] != "pending" {
		t.Errorf("push rules: %v", l)
	}
	if l := call("GET", ent+"/bypass-requests/push-rules?request_status=denied", "").list(t); len(l) != 0 {
		t.Errorf("push rules denied: %v", l)
	}
	if l := call("GET", ent+"/bypass-requests/secret-scanning?reviewer="+DefaultAdminLogin, "").list(t); len(l) != 1 || len(l[0]["responses"].([]any)) != 1 {
		t.Errorf("secret scanning: %v", l)
	}
	wantReply(t, "bad period", call("GET", ent+"/bypass-requests/push-rules?time_period=year", ""), http.StatusUnprocessableEntity)
	for name, opt := range map[string]Option{
		"unknown kind":     WithBypassRequests(BypassRequest{Kind: "other"}),
		"unknown repo":     WithBypassRequests(BypassRequest{Kind: "push_rules", Repo: "acme/nope", Requester: DefaultAdminLogin}),
		"unknown reviewer": WithBypassRequests(BypassRequest{Kind: "push_rules", Repo: "acme/api", Requester: DefaultAdminLogin, Reviewer: "nobody"}),
		"unknown actor":    WithRulesetHistory(RulesetVersion{RulesetID: 1, Actor: "nobody"}),
	} {
		if srv, err := NewServer(WithOrgs(Org{Login: "acme", Admin: DefaultAdminLogin}), WithRepos(Repo{Owner: "acme", Name: "api"}), opt); err == nil {
			srv.Close()
			t.Errorf("%s: seeded", name)
		}
	}
}
