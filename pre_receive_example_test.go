package ghesadmin_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"time"

	"github.com/ghesadmin/ghesadmin"
)

// exampleStubGHES starts a stand-in for a GHES instance that serves mux under
// /api/v3/ (only for the examples: use a real instance or ghestest).
func exampleStubGHES(mux *http.ServeMux) *httptest.Server {
	root := http.NewServeMux()
	root.Handle("/api/v3/", http.StripPrefix("/api/v3", mux))
	return httptest.NewServer(root)
}

func exampleStubJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// Create a pre-receive environment, download its tarball again, and wait
// until the download is done.
func ExamplePreReceiveEnvironmentsService_WaitForDownload() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /admin/pre-receive-environments", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusCreated, `{"id":2,"name":"DevTools Hook Env","image_url":"https://files.example.com/devtools_env.tar.gz","default_environment":false,"hooks_count":0,"download":{"state":"not_started","downloaded_at":null,"message":null}}`)
	})
	mux.HandleFunc("POST /admin/pre-receive-environments/2/downloads", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusAccepted, `{"state":"not_started","downloaded_at":null,"message":null}`)
	})
	var polls atomic.Int32
	mux.HandleFunc("GET /admin/pre-receive-environments/2/downloads/latest", func(w http.ResponseWriter, r *http.Request) {
		if polls.Add(1) < 3 {
			exampleStubJSON(w, http.StatusOK, `{"state":"in_progress","downloaded_at":"2016-05-26T07:42:53-05:00","message":null}`)
			return
		}
		exampleStubJSON(w, http.StatusOK, `{"state":"success","downloaded_at":"2016-05-26T07:42:53-05:00","message":null}`)
	})
	srv := exampleStubGHES(mux)
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("example-token"))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	env, _, err := client.PreReceiveEnvironments.Create(ctx, ghesadmin.CreatePreReceiveEnvironmentRequest{
		Name:     "DevTools Hook Env",
		ImageURL: "https://files.example.com/devtools_env.tar.gz",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", env.Name, "download", env.Download.State)

	dl, _, err := client.PreReceiveEnvironments.StartDownload(ctx, env.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("download", dl.State)

	// Poll fast here; the default starts at 1s and backs off to 15s.
	dl, _, err = client.PreReceiveEnvironments.WaitForDownload(ctx, env.ID,
		ghesadmin.WaitBackoff(time.Millisecond, 10*time.Millisecond))
	if err != nil {
		log.Fatal(err) // a *PreReceiveDownloadError carries GHES's message
	}
	fmt.Println("download", dl.State, "after", polls.Load(), "polls")
	// Output:
	// created DevTools Hook Env download not_started
	// download not_started
	// download success after 3 polls
}

// Create a pre-receive hook that repositories may configure, enforce it on
// one repository, then remove that override again.
func ExamplePreReceiveHooksService_UpdateForRepo() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /admin/pre-receive-hooks", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusCreated, `{"id":42,"name":"Check Commits","enforcement":"disabled","script":"scripts/commit_check.sh","script_repository":{"id":595,"full_name":"DevIT/hooks"},"environment":{"id":2,"name":"DevTools Hook Env"},"allow_downstream_configuration":true}`)
	})
	mux.HandleFunc("PATCH /repos/octocat/hello-world/pre-receive-hooks/42", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusOK, `{"id":42,"name":"Check Commits","enforcement":"enabled","configuration_url":"https://ghe.example.com/api/v3/repos/octocat/hello-world/pre-receive-hooks/42"}`)
	})
	mux.HandleFunc("DELETE /repos/octocat/hello-world/pre-receive-hooks/42", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusOK, `{"id":42,"name":"Check Commits","enforcement":"disabled","configuration_url":"https://ghe.example.com/api/v3/admin/pre-receive-hooks/42"}`)
	})
	srv := exampleStubGHES(mux)
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("example-token"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	hook, _, err := client.PreReceiveHooks.Create(ctx, ghesadmin.CreatePreReceiveHookRequest{
		Name:                         "Check Commits",
		Script:                       "scripts/commit_check.sh",
		ScriptRepository:             ghesadmin.PreReceiveScriptRepositoryRef{FullName: "DevIT/hooks"},
		Environment:                  ghesadmin.PreReceiveEnvironmentRef{ID: 2},
		Enforcement:                  ghesadmin.Ptr(ghesadmin.EnforcementDisabled),
		AllowDownstreamConfiguration: ghesadmin.Ptr(true),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hook.Name, "globally", hook.Enforcement)

	repoHook, _, err := client.PreReceiveHooks.UpdateForRepo(ctx, "octocat", "hello-world", hook.ID,
		ghesadmin.UpdateRepoPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementEnabled)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("octocat/hello-world:", repoHook.Enforcement)

	effective, _, err := client.PreReceiveHooks.RemoveForRepo(ctx, "octocat", "hello-world", hook.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("after removing the override:", effective.Enforcement, "from", effective.ConfigurationURL)
	// Output:
	// Check Commits globally disabled
	// octocat/hello-world: enabled
	// after removing the override: disabled from https://ghe.example.com/api/v3/admin/pre-receive-hooks/42
}
