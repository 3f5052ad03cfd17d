package ghestest

import (
	"fmt"
	"net/http"
	"testing"
)

func TestLDAPMappingAndSync(t *testing.T) {
	s := adminAreasServer(t)
	teamID := s.TeamID("octo", "justice-league")
	r := do(t, req{method: "PATCH", url: fmt.Sprintf("%sadmin/ldap/teams/%d/mapping", s.APIURL(), teamID), token: s.Token(), body: `{"ldap_dn":"cn=Ops,dc=x"}`})
	wantStatus(t, r, http.StatusOK)
	if m := r.obj(t); m["ldap_dn"] != "cn=Ops,dc=x" || m["slug"] != "justice-league" {
		t.Errorf("team mapping %s", r.body)
	}
	r = api(t, s, "POST", fmt.Sprintf("/admin/ldap/teams/%d/sync", teamID), "")
	wantStatus(t, r, http.StatusCreated)
	if r.obj(t)["status"] != "queued" {
		t.Errorf("sync %s", r.body)
	}
	r = api(t, s, "PATCH", "/admin/ldap/users/mona/mapping", `{"ldap_dn":"uid=mona,dc=x"}`)
	if m := r.obj(t); m["ldap_dn"] != "uid=mona,dc=x" || m["login"] != "mona" {
		t.Errorf("user mapping %s", r.body)
	}
	wantStatus(t, api(t, s, "POST", "/admin/ldap/users/mona/sync", ""), http.StatusCreated)
	wantStatus(t, api(t, s, "POST", "/admin/ldap/users/ghost/sync", ""), http.StatusNotFound)
}
