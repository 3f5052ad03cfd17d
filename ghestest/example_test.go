package ghestest_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/ghesadmin/ghesadmin/ghestest"
)

// suspendUsers is the automation under test: it suspends each user through
// the REST API (PUT /users/{username}/suspended).
func suspendUsers(apiURL, token string, logins []string) error {
	for _, login := range logins {
		req, err := http.NewRequest(http.MethodPut, apiURL+"users/"+login+"/suspended", strings.NewReader(`{"reason":"offboarded"}`))
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "token "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNoContent {
			return fmt.Errorf("suspend %s: %s", login, resp.Status)
		}
	}
	return nil
}

// A test of user automation against the fake: seed users, run the code,
// then check the state and how many requests were sent.
func Example() {
	srv, err := ghestest.NewServer(
		ghestest.WithVersion("3.12.0"),
		ghestest.WithUsers(
			ghestest.User{Login: "mona", Email: "mona@example.com"},
			ghestest.User{Login: "hubot", Email: "hubot@example.com"},
		),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()

	if err := suspendUsers(srv.APIURL(), srv.Token(), []string{"mona", "ghost"}); err != nil {
		fmt.Println(err)
	}
	mona, _ := srv.User("mona")
	hubot, _ := srv.User("hubot")
	fmt.Println("mona suspended:", mona.Suspended)
	fmt.Println("hubot suspended:", hubot.Suspended)
	fmt.Println("requests for mona:", srv.RequestCount("PUT", "/users/mona/suspended"))
	// Output:
	// suspend ghost: 404 Not Found
	// mona suspended: true
	// hubot suspended: false
	// requests for mona: 1
}

// Server.Client returns a ghesadmin client wired to both origins of the
// fake: the REST API with the admin token, and the administration port with
// the console password.
func ExampleServer_Client() {
	srv, err := ghestest.NewServer()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(client.BaseURL() == srv.URL()+"/api/v3/")
	fmt.Println(client.ManagementConsoleURL() == srv.ConsoleURL()+"/")
	// Output:
	// true
	// true
}

// Faults make the fake fail on purpose, here once with a 502.
func ExampleServer_AddFault() {
	srv, err := ghestest.NewServer()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	_ = srv.AddFault(ghestest.StatusFault("GET", "/meta", http.StatusBadGateway, "try again").Once())
	for i := 0; i < 2; i++ {
		resp, err := http.Get(srv.APIURL() + "meta")
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Println(resp.StatusCode)
	}
	fmt.Println(srv.RequestCount("GET", "/meta"))
	// Output:
	// 502
	// 200
	// 2
}

// Seeding the fake from a seed file, the format `ghesfake -seed` reads.
func ExampleReadSeed() {
	seed, err := ghestest.ReadSeed(strings.NewReader(`{
  "users": [{"login": "mona", "email": "mona@example.com"},
            {"login": "old-timer", "email": "old@example.com", "suspended": true, "suspend_reason": "Dormant"}],
  "orgs": [{"login": "acme", "admin": "mona"}],
  "repos": [{"owner": "acme", "name": "app"}],
  "runners": [{"name": "build-1", "labels": ["gpu"]}],
  "dependabot_alerts": [{"repo": "acme/app", "severity": "critical", "package": "lodash"}]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	srv, err := ghestest.NewServer(ghestest.WithSeed(seed))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	u, _ := srv.User("old-timer")
	fmt.Println(u.Suspended, u.SuspendReason, srv.OrgID("acme") != 0)
	client, err := srv.Client()
	if err != nil {
		fmt.Println(err)
		return
	}
	for a, err := range client.Dependabot.ListAlertsIter(context.Background(), srv.Enterprise(), nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(a.Repository.FullName, a.SecurityAdvisory.Severity, a.Dependency.Package.Name)
	}
	// Output:
	// true Dormant true
	// acme/app critical lodash
}
