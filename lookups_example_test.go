package ghesadmin_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/ghesadmin/ghesadmin"
)

// Turn a login into the ID that public keys name their owner by.
func ExampleUsersService_Get() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"login":"monalisa","id":42,"type":"User","site_admin":false}`)
	}))
	defer srv.Close()
	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	user, _, err := client.Users.Get(context.Background(), "monalisa")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(user.Login, user.ID)
	// Output: monalisa 42
}

// Walk every account: GET /users pages with a since cursor, which ListIter
// follows from each reply's next link.
func ExampleUsersService_ListIter() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("since") == "" {
			w.Header().Set("Link", `<http://`+r.Host+`/api/v3/users?since=2>; rel="next"`)
			fmt.Fprint(w, `[{"login":"ghe-admin","id":1},{"login":"mona","id":2}]`)
			return
		}
		fmt.Fprint(w, `[{"login":"hubot","id":5}]`)
	}))
	defer srv.Close()
	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	for u, err := range client.Users.ListIter(context.Background(), nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(u.ID, u.Login)
	}
	// Output:
	// 1 ghe-admin
	// 2 mona
	// 5 hubot
}

// Find a team's ID for the LDAP team mapping.
func ExampleTeamsService_GetBySlug() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println(r.Method, r.URL.EscapedPath())
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id":7,"name":"Platform Ops","slug":"platform-ops"}`)
	}))
	defer srv.Close()
	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	team, _, err := client.Teams.GetBySlug(context.Background(), "acme", "platform-ops")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(team.ID, team.Name)
	// Output:
	// GET /api/v3/orgs/acme/teams/platform-ops
	// 7 Platform Ops
}
