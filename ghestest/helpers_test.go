package ghestest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

const testKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx5c2VjcmV0a2V5Zm9ydGVzdGluZ3B1cnBvc2VzMDE= admin@test"

func multipartBody(t *testing.T, fields map[string]string) (string, string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		fw, err := w.CreateFormFile(k, k+".txt")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write([]byte(v))
	}
	_ = w.Close()
	return b.String(), w.FormDataContentType()
}

// reply is an answer read in full.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// obj decodes a JSON object.
func (r reply) obj(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	r.decode(t, &m)
	return m
}

func (r reply) list(t *testing.T) []map[string]any {
	t.Helper()
	var l []map[string]any
	r.decode(t, &l)
	return l
}

type req struct {
	method, url, body, contentType, accept, token string
	basic                                         *[2]string
}

func do(t *testing.T, q req) reply {
	t.Helper()
	var body io.Reader
	if q.body != "" {
		body = strings.NewReader(q.body)
	}
	r, err := http.NewRequest(q.method, q.url, body)
	if err != nil {
		t.Fatal(err)
	}
	if q.body != "" {
		ct := q.contentType
		if ct == "" {
			ct = "application/json"
		}
		r.Header.Set("Content-Type", ct)
	}
	if q.accept != "" {
		r.Header.Set("Accept", q.accept)
	}
	if q.token != "" {
		r.Header.Set("Authorization", "token "+q.token)
	}
	if q.basic != nil {
		r.SetBasicAuth(q.basic[0], q.basic[1])
	}
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatalf("%s %s: %v", q.method, q.url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// api sends an authenticated REST request as the site administrator.
func api(t *testing.T, s *Server, method, path, body string) reply {
	t.Helper()
	return do(t, req{method: method, url: s.APIURL() + strings.TrimPrefix(path, "/"), body: body, token: s.Token(), accept: "application/vnd.github+json"})
}

// console sends a request to the administration port with the password.
func console(t *testing.T, s *Server, method, path, body, contentType string) reply {
	t.Helper()
	return do(t, req{method: method, url: s.ConsoleURL() + path, body: body, contentType: contentType, basic: &[2]string{"api_key", s.ConsolePassword()}})
}

func form(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v.Encode()
}

const formCT = "application/x-www-form-urlencoded"

func wantStatus(t *testing.T, r reply, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("status = %d, want %d; body %s", r.status, want, r.body)
	}
}

// want422 checks a 422 Validation Failed with the message in errors.
func want422(t *testing.T, r reply, message string) {
	t.Helper()
	wantStatus(t, r, http.StatusUnprocessableEntity)
	var e struct {
		Message string `json:"message"`
		Errors  []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	r.decode(t, &e)
	if e.Message != "Validation Failed" || len(e.Errors) != 1 || e.Errors[0].Message != message {
		t.Fatalf("422 body = %s, want error message %q", r.body, message)
	}
}

var testNow = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// adminAreasServer is the fake that the tests of organizations, LDAP, the
// license and the statistics share: four users (one suspended, two site
// administrators with the default one), an organization with a team of two,
// and two repositories.
func adminAreasServer(t *testing.T) *Server {
	t.Helper()
	return New(t,
		WithUsers(User{Login: "mona", Email: "m@x.test"}, User{Login: "hubot", Suspended: true}, User{Login: "boss", SiteAdmin: true}),
		WithOrgs(Org{Login: "octo", Admin: "mona"}),
		WithTeams(Team{Org: "octo", Name: "Justice League", Members: []string{"mona", "hubot"}}),
		WithRepos(Repo{Owner: "octo", Name: "a", Wiki: true, Pushes: 3}, Repo{Owner: "mona", Name: "b", Fork: true, Pages: true}),
		WithLicense(10, testNow.AddDate(0, 0, 30)), WithClock(func() time.Time { return testNow }))
}
