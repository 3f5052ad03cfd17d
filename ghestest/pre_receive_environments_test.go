package ghestest

import (
	"fmt"
	"net/http"
	"testing"
)

func TestPreReceiveEnvironments(t *testing.T) {
	s := New(t, WithStatusReads(3), WithUsers(User{Login: "mona"}), WithRepos(Repo{Owner: "mona", Name: "hooks"}))
	def := fmt.Sprintf("/admin/pre-receive-environments/%d", s.DefaultEnvironmentID())
	want422(t, api(t, s, "PATCH", def, `{"name":"x"}`), "Cannot modify or delete the default environment")
	want422(t, api(t, s, "DELETE", def, ""), "Cannot modify or delete the default environment")
	want422(t, api(t, s, "POST", def+"/downloads", ""), "Cannot modify or delete the default environment")

	r := api(t, s, "POST", "/admin/pre-receive-environments", `{"name":"DevTools Hook Env","image_url":"https://files.test/env.tar.gz"}`)
	wantStatus(t, r, http.StatusCreated)
	env := r.obj(t)
	dl := env["download"].(map[string]any)
	if env["default_environment"] != false || env["hooks_count"] != 0.0 || dl["state"] != "not_started" || dl["downloaded_at"] != nil || dl["message"] != nil {
		t.Fatalf("created %s", r.body)
	}
	want422(t, api(t, s, "POST", "/admin/pre-receive-environments", `{"name":"devtools hook env","image_url":"https://x.test/a"}`), "Name has already been taken")
	want422(t, api(t, s, "POST", "/admin/pre-receive-environments", `{"name":"n"}`), "image_url is required")
	path := fmt.Sprintf("/admin/pre-receive-environments/%v", env["id"])

	// Download: 202 not_started, then in_progress, in_progress, success.
	r = api(t, s, "POST", path+"/downloads", "")
	wantStatus(t, r, http.StatusAccepted)
	if r.obj(t)["state"] != "not_started" {
		t.Errorf("start %s", r.body)
	}
	want422(t, api(t, s, "POST", path+"/downloads", ""), "Can not start a new download when a download is in progress")
	want422(t, api(t, s, "DELETE", path, ""), "Cannot delete environment when download is in progress")
	for i, want := range []string{"in_progress", "in_progress", "success", "success"} {
		r = api(t, s, "GET", path+"/downloads/latest", "")
		d := r.obj(t)
		if d["state"] != want {
			t.Fatalf("read %d: state %v, want %s", i+1, d["state"], want)
		}
		if want == "success" && (d["downloaded_at"] == nil || d["message"] != nil) {
			t.Errorf("success without downloaded_at: %s", r.body)
		}
	}

	// A hook in the environment blocks its deletion.
	r = api(t, s, "POST", "/admin/pre-receive-hooks", fmt.Sprintf(`{"name":"Check Commits","script":"check.sh","script_repository":{"full_name":"mona/hooks"},"environment":{"id":%v}}`, env["id"]))
	wantStatus(t, r, http.StatusCreated)
	hook := r.obj(t)
	if api(t, s, "GET", path, "").obj(t)["hooks_count"] != 1.0 {
		t.Error("hooks_count not 1")
	}
	want422(t, api(t, s, "DELETE", path, ""), "Cannot delete environment that has hooks")
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("/admin/pre-receive-hooks/%v", hook["id"]), ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "DELETE", path, ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "GET", path, ""), http.StatusNotFound)
}

func TestPreReceiveDownloadFails(t *testing.T) {
	s := New(t, WithStatusReads(2))
	r := api(t, s, "POST", "/admin/pre-receive-environments", `{"name":"bad","image_url":"https://nowhere.invalid/env.tar.gz"}`)
	path := fmt.Sprintf("/admin/pre-receive-environments/%v", r.obj(t)["id"])
	wantStatus(t, api(t, s, "POST", path+"/downloads", ""), http.StatusAccepted)
	if st := api(t, s, "GET", path+"/downloads/latest", "").obj(t)["state"]; st != "in_progress" {
		t.Fatalf("first read %v", st)
	}
	d := api(t, s, "GET", path+"/downloads/latest", "").obj(t)
	if d["state"] != "failed" || d["message"] == nil || d["downloaded_at"] != nil {
		t.Fatalf("second read %v", d)
	}
	// A failed download may be retried.
	wantStatus(t, api(t, s, "POST", path+"/downloads", ""), http.StatusAccepted)
}
