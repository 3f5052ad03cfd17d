package ghestest

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"testing"
)

func TestConsoleVersions(t *testing.T) {
	removed := New(t, WithVersion("3.15.0"))
	wantStatus(t, console(t, removed, "GET", "/setup/api/settings", "", ""), http.StatusNotFound)
	wantStatus(t, console(t, removed, "GET", "/manage/v1/version", "", ""), http.StatusOK)
	old := New(t, WithVersion("3.7.2"))
	wantStatus(t, console(t, old, "GET", "/manage/v1/version", "", ""), http.StatusNotFound)
	wantStatus(t, console(t, old, "GET", "/setup/api/settings", "", ""), http.StatusOK)
}

// Issue 12: real appliances were sent the license of POST /setup/api/start
// and /setup/api/upgrade as multipart/form-data (a "license" file part,
// "password" and "settings" fields); old ones also took the urlencoded form.
// The fake accepts both.
func TestConsoleStartAndUpgradeMultipart(t *testing.T) {
	s := New(t, WithVersion("3.10.1"))
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	fw, err := w.CreateFormFile("license", "enterprise.ghl")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write([]byte(`{"seats":321}`))
	_ = w.WriteField("password", "pw")
	_ = w.WriteField("settings", `{"enterprise":{"signup_enabled":true}}`)
	_ = w.Close()
	wantStatus(t, console(t, s, "POST", "/setup/api/start", b.String(), w.FormDataContentType()), http.StatusAccepted)
	if seats := api(t, s, "GET", "/enterprise/settings/license", "").obj(t)["seats"]; seats != 321.0 {
		t.Errorf("seats after multipart start = %v, want 321", seats)
	}
	ent := console(t, s, "GET", "/setup/api/settings", "", "").obj(t)["enterprise"].(map[string]any)
	if ent["signup_enabled"] != true {
		t.Errorf("signup_enabled after multipart start = %v", ent["signup_enabled"])
	}

	b.Reset()
	w = multipart.NewWriter(&b)
	fw, _ = w.CreateFormFile("license", "enterprise.ghl")
	_, _ = fw.Write([]byte(`{"seats":654}`))
	_ = w.Close()
	wantStatus(t, console(t, s, "POST", "/setup/api/upgrade", b.String(), w.FormDataContentType()), http.StatusAccepted)
	if seats := api(t, s, "GET", "/enterprise/settings/license", "").obj(t)["seats"]; seats != 654.0 {
		t.Errorf("seats after multipart upgrade = %v, want 654", seats)
	}

	// The urlencoded form still works.
	wantStatus(t, console(t, s, "POST", "/setup/api/upgrade", form("license", `{"seats":77}`), formCT), http.StatusAccepted)
	if seats := api(t, s, "GET", "/enterprise/settings/license", "").obj(t)["seats"]; seats != 77.0 {
		t.Errorf("seats after urlencoded upgrade = %v, want 77", seats)
	}
	// A multipart start without the license is refused.
	b.Reset()
	w = multipart.NewWriter(&b)
	_ = w.WriteField("password", "pw")
	_ = w.Close()
	if r := console(t, s, "POST", "/setup/api/start", b.String(), w.FormDataContentType()); r.status != http.StatusUnprocessableEntity {
		t.Errorf("start without license = %d, want 422", r.status)
	}
}
