package ghesadmin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestPathArgumentsRefusedAndEscaped walks every service method by
// reflection. A string parameter that ends up in the request path must be
// refused without sending anything when it is empty, "." or "..", and must
// be sent as exactly one escaped path segment otherwise.
func TestPathArgumentsRefusedAndEscaped(t *testing.T) {
	h := newHarness(t, serverError)
	const nasty = "a/b?c#d%e f ë"
	const escaped = "a%2Fb%3Fc%23d%25e%20f%20%C3%AB" // written out, not computed
	checked := 0
	for _, m := range allMethods(h.Client) {
		for _, i := range stringParams(m) {
			marker := fmt.Sprintf("zzmark%dzz", i)
			_, reqs := h.call(t, m, map[int]string{i: marker})
			if len(reqs) == 0 || !strings.Contains(reqs[0].EscapedPath, marker) {
				continue // a body or query parameter
			}
			checked++
			for _, bad := range []string{"", ".", ".."} {
				res, reqs := h.call(t, m, map[int]string{i: bad})
				if len(reqs) != 0 {
					t.Errorf("%s with parameter %d = %q sent %s %s", m, i, bad, reqs[0].Method, reqs[0].EscapedPath)
				}
				if !errors.Is(res.Err, ErrInvalidArgument) {
					t.Errorf("%s with parameter %d = %q: err = %v, want ErrInvalidArgument", m, i, bad, res.Err)
				}
				// The message names the Go method (an …Iter method names the
				// list it walks) and a documented parameter.
				var ae *ArgumentError
				if !errors.As(res.Err, &ae) || (ae.Method != m.String() && ae.Method+"Iter" != m.String()) || ae.Parameter == "" ||
					!strings.HasPrefix(res.Err.Error(), "ghesadmin: "+ae.Method+": "+ae.Parameter+" ") {
					t.Errorf("%s with parameter %d = %q: err = %v, want an *ArgumentError naming %s and the parameter", m, i, bad, res.Err, m)
				}
			}
			_, reqs = h.call(t, m, map[int]string{i: nasty})
			if len(reqs) != 1 {
				t.Errorf("%s with parameter %d = %q sent %d requests", m, i, nasty, len(reqs))
				continue
			}
			found := false
			for _, seg := range strings.Split(reqs[0].EscapedPath, "/") {
				if seg == escaped {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: parameter %d = %q went out as %s, want one segment %s", m, i, nasty, reqs[0].EscapedPath, escaped)
			}
			if reqs[0].RawQuery != "" && strings.Contains(reqs[0].RawQuery, "c#d") {
				t.Errorf("%s: the argument leaked into the query: %s", m, reqs[0].RawQuery)
			}
		}
	}
	if checked < 10 {
		t.Fatalf("only %d path parameters found; the harness is not finding them", checked)
	}
	t.Logf("%d path parameters checked", checked)
}

// TestSecretsNeverLeak drives every service method against a server that
// fails, one that redirects to another host, and one that rejects the
// credentials, with a recognisable token and console password, and a debug
// logger. Neither secret may appear in a request URL, an error string, a
// %+v or %#v of any returned value, or a log line; and the other host must
// never receive credentials.
func TestSecretsNeverLeak(t *testing.T) {
	var (
		otherMu   sync.Mutex
		otherAuth []string
	)
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otherMu.Lock()
		if a := r.Header.Get("Authorization"); a != "" {
			otherAuth = append(otherAuth, r.URL.Path)
		}
		otherMu.Unlock()
		writeJSON(w, 200, `{}`)
	}))
	defer other.Close()

	replies := map[string]http.HandlerFunc{
		"500": serverError,
		"401": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 401, `{"message":"Bad credentials"}`)
		},
		"redirect": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+"/collect"+r.URL.Path, http.StatusTemporaryRedirect)
		},
		"html": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			_, _ = w.Write([]byte("<html><title>Bad gateway</title></html>"))
		},
	}
	for name, reply := range replies {
		t.Run(name, func(t *testing.T) {
			var logs bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			// The Manage API authenticates as a console user account,
			// the Management Console API with the shared password.
			h := newHarness(t, reply, WithLogger(logger), WithManagementConsoleUser("", testManageUser, testManagePassword))
			calls := 0
			for _, m := range allMethods(h.Client) {
				res, reqs := h.call(t, m, nil)
				calls++
				for _, r := range reqs {
					assertNoSecret(t, m.String()+" request URL", r.EscapedPath+"?"+r.RawQuery)
				}
				if res.Err != nil {
					assertNoSecret(t, m.String()+" error", res.Err.Error())
					assertNoSecret(t, m.String()+" %+v of the error", fmt.Sprintf("%+v", res.Err))
					assertNoSecret(t, m.String()+" %#v of the error", fmt.Sprintf("%#v", res.Err))
					var er *ErrorResponse
					if errors.As(res.Err, &er) && er.Response != nil && er.Response.Request != nil {
						assertNoSecret(t, m.String()+" error's request headers", fmt.Sprintf("%+v", er.Response.Request.Header))
					}
				}
				for _, v := range res.Values {
					assertNoSecret(t, m.String()+" %+v of a result", fmt.Sprintf("%+v", v))
					assertNoSecret(t, m.String()+" %#v of a result", fmt.Sprintf("%#v", v))
					if resp, ok := v.(*Response); ok && resp != nil && resp.Request != nil {
						assertNoSecret(t, m.String()+" response's request headers", fmt.Sprintf("%+v", resp.Request.Header))
					}
				}
			}
			assertNoSecret(t, "debug log", logs.String())
			if !strings.Contains(logs.String(), "level=DEBUG") {
				t.Error("the debug logger saw nothing")
			}
			otherMu.Lock()
			defer otherMu.Unlock()
			if len(otherAuth) > 0 {
				t.Errorf("credentials were sent to another host for %v", otherAuth)
			}
			t.Logf("%d methods driven", calls)
		})
	}
}

// TestInvalidListOptionsRefused walks every method that takes a paginated
// …Options (one that embeds ListOptions) and checks that a negative or too
// large PerPage, and a negative Page, are refused before anything is sent.
func TestInvalidListOptionsRefused(t *testing.T) {
	h := newHarness(t, serverError)
	checked := 0
	for _, m := range allMethods(h.Client) {
		ft := m.fn.Type()
		for i := 0; i < ft.NumIn(); i++ {
			pt := ft.In(i)
			if pt.Kind() != reflect.Pointer || pt.Elem().Kind() != reflect.Struct || !pt.Implements(reflect.TypeOf((*pageable)(nil)).Elem()) {
				continue
			}
			checked++
			for _, bad := range []ListOptions{{PerPage: -1}, {PerPage: MaxPerPage + 1}, {Page: -2}} {
				opts := reflect.New(pt.Elem())
				*opts.Interface().(pageable).listOptions() = bad
				args := callArgs(t, m, context.Background(), nil)
				args[i] = opts
				h.take()
				res := invoke(m, args)
				if sent := h.take(); len(sent) != 0 {
					t.Errorf("%s with %+v sent %s %s?%s", m, bad, sent[0].Method, sent[0].EscapedPath, sent[0].RawQuery)
				}
				if !errors.Is(res.Err, ErrInvalidArgument) {
					t.Errorf("%s with %+v: err = %v, want ErrInvalidArgument", m, bad, res.Err)
				}
			}
		}
	}
	if checked < 15 {
		t.Fatalf("only %d paginated methods found", checked)
	}
	t.Logf("%d paginated methods refuse bad page options", checked)
}
