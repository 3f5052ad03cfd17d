package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// The cursor engine follows the next link's after cursor, its before
// cursor, or (for the lists that have them) its page number, and stops at
// a reply without one.
func TestIterateCursorFollowsNextLinks(t *testing.T) {
	env := setup(t)
	var calls atomic.Int32
	env.API.HandleFunc("GET /enterprises/e/dependabot/alerts", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		q := r.URL.Query()
		if q.Get("severity") != "critical" || q.Get("per_page") != "1" {
			t.Errorf("query %s lost the caller's options", r.URL.RawQuery)
		}
		switch {
		case q.Get("after") == "" && q.Get("before") == "":
			w.Header().Set("Link", `<http://x/api/v3/enterprises/e/dependabot/alerts?after=Y3Vyc29yMQ&per_page=1&severity=critical>; rel="next"`)
			writeJSON(w, 200, `[{"number":3}]`)
		case q.Get("after") == "Y3Vyc29yMQ":
			w.Header().Set("Link", `<http://x/api/v3/enterprises/e/dependabot/alerts?before=Yg&per_page=1&severity=critical>; rel="next"`)
			writeJSON(w, 200, `[{"number":2}]`)
		case q.Get("before") == "Yg" && q.Get("after") == "":
			writeJSON(w, 200, `[{"number":1}]`)
		default:
			t.Errorf("unexpected query %s", r.URL.RawQuery)
			writeJSON(w, 200, `[]`)
		}
	})
	opts := &ListDependabotAlertsOptions{Severity: "critical", ListCursorOptions: ListCursorOptions{PerPage: 1}}
	var got []int64
	for a, err := range env.Client.Dependabot.ListAlertsIter(context.Background(), "e", opts) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a.Number)
	}
	if len(got) != 3 || got[0] != 3 || got[2] != 1 || calls.Load() != 3 {
		t.Fatalf("walked %v in %d calls", got, calls.Load())
	}
	if opts.After != "" || opts.Before != "" {
		t.Errorf("the caller's options were modified: %+v", opts)
	}
}

func TestIterateCursorFollowsPageNumbers(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /enterprises/e/code-scanning/alerts", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "":
			w.Header().Set("Link", `<http://x/api/v3/enterprises/e/code-scanning/alerts?page=2>; rel="next"`)
			writeJSON(w, 200, `[{"number":1}]`)
		case "2":
			writeJSON(w, 200, `[{"number":2}]`)
		}
	})
	n := 0
	for _, err := range env.Client.CodeScanning.ListAlertsIter(context.Background(), "e", nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 {
		t.Fatalf("walked %d alerts, want 2", n)
	}
}

func TestIterateCursorStopsOnLoopsAndBadLinks(t *testing.T) {
	for name, tc := range map[string]struct {
		link string
		want error
	}{
		"repeated cursor": {`<http://x/api/v3/enterprises/e/secret-scanning/alerts?after=same>; rel="next"`, ErrPaginationLoop},
		"no cursor":       {`<http://x/api/v3/enterprises/e/secret-scanning/alerts?page=2>; rel="next"`, nil},
	} {
		t.Run(name, func(t *testing.T) {
			env := setup(t)
			var calls atomic.Int32
			env.API.HandleFunc("GET /enterprises/e/secret-scanning/alerts", func(w http.ResponseWriter, r *http.Request) {
				if calls.Add(1) > 5 {
					t.Error("the walk did not stop")
					writeJSON(w, 200, `[]`)
					return
				}
				w.Header().Set("Link", tc.link)
				writeJSON(w, 200, `[{"number":1}]`)
			})
			var last error
			for _, err := range env.Client.SecretScanning.ListAlertsIter(context.Background(), "e", nil) {
				last = err
			}
			if last == nil || (tc.want != nil && !errors.Is(last, tc.want)) {
				t.Fatalf("last error %v, want %v", last, tc.want)
			}
		})
	}
}

// A custom property value is one string or a list; other scalars are read
// as text, and each is written back in its own shape.
func TestPropertyValueJSON(t *testing.T) {
	for in, want := range map[string]string{
		`"dev"`:     `"dev"`,
		`["a","b"]`: `["a","b"]`,
		`[]`:        `[]`,
		`true`:      `"true"`,
		`7`:         `"7"`,
	} {
		var v PropertyValue
		if err := json.Unmarshal([]byte(in), &v); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		out, err := json.Marshal(v)
		if err != nil || string(out) != want {
			t.Errorf("%s → %s (%v), want %s", in, out, err, want)
		}
	}
	var p CustomProperty
	if err := json.Unmarshal([]byte(`{"property_name":"p","value_type":"string","default_value":null}`), &p); err != nil || p.DefaultValue != nil {
		t.Errorf("null default: %+v %v", p.DefaultValue, err)
	}
	if err := json.Unmarshal([]byte(`{"property_name":"p","value_type":"string","default_value":{"x":1}}`), &p); err == nil {
		t.Error("an object default was accepted")
	}
}

// Unknown enum values the server sends are kept, never an error.
func TestSecurityEnumsKeptOnDecode(t *testing.T) {
	var cfg CodeSecurityConfiguration
	if unread, err := decodeLenient([]byte(`{"id":1,"advanced_security":"quantum","enforcement":"partial","target_type":"galaxy"}`), &cfg); err != nil || unread != nil {
		t.Fatal(unread, err)
	}
	if cfg.AdvancedSecurity != "quantum" || cfg.Enforcement != "partial" || cfg.TargetType != "galaxy" {
		t.Errorf("decoded %+v", cfg)
	}
}

// A secret scanning alert never prints its secret.
func TestSecretScanningAlertStringRedacts(t *testing.T) {
	a := SecretScanningAlert{Number: 1, Secret: "ghp_topsecret", Repository: &SimpleRepository{FullName: "o/r"}}
	for _, s := range []string{a.String(), a.GoString()} {
		if strings.Contains(s, "ghp_topsecret") || !strings.Contains(s, "o/r") {
			t.Errorf("%q", s)
		}
	}
}
