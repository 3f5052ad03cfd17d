package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestErrorMapping(t *testing.T) {
	type check func(t *testing.T, err error)
	isType := func(target any) check {
		return func(t *testing.T, err error) {
			t.Helper()
			switch target.(type) {
			case *ValidationError:
				var e *ValidationError
				if !errors.As(err, &e) {
					t.Errorf("%T is not a *ValidationError", err)
				}
			case *RateLimitError:
				var e *RateLimitError
				if !errors.As(err, &e) {
					t.Errorf("%T is not a *RateLimitError", err)
				}
			case *SecondaryRateLimitError:
				var e *SecondaryRateLimitError
				if !errors.As(err, &e) {
					t.Errorf("%T is not a *SecondaryRateLimitError", err)
				}
			}
		}
	}
	is := func(targets ...error) check {
		return func(t *testing.T, err error) {
			t.Helper()
			for _, target := range targets {
				if !errors.Is(err, target) {
					t.Errorf("errors.Is(%v, %v) = false", err, target)
				}
			}
		}
	}
	isNot := func(targets ...error) check {
		return func(t *testing.T, err error) {
			t.Helper()
			for _, target := range targets {
				if errors.Is(err, target) {
					t.Errorf("errors.Is(%v, %v) = true", err, target)
				}
			}
		}
	}
	contains := func(subs ...string) check {
		return func(t *testing.T, err error) {
			t.Helper()
			for _, s := range subs {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
		}
	}

	tests := []struct {
		name    string
		status  int
		headers map[string]string
		body    string
		checks  []check
	}{
		{"400", 400, nil, `{"message":"Problems parsing JSON","documentation_url":"https://docs.github.com/rest"}`,
			[]check{contains("400 Bad Request", "Problems parsing JSON"), isNot(ErrNotFound, ErrForbidden, ErrUnauthorized, ErrRateLimited)}},
		{"401", 401, nil, `{"message":"Bad credentials"}`,
			[]check{is(ErrUnauthorized), isNot(ErrForbidden), contains("401 Unauthorized", "Bad credentials")}},
		{"403", 403, nil, `{"message":"Must have admin rights"}`,
			[]check{is(ErrForbidden), isNot(ErrRateLimited), contains("403 Forbidden", "Must have admin rights")}},
		{"403 primary rate limit", 403, map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Limit": "5000", "X-RateLimit-Reset": "4102444800"}, `{"message":"API rate limit exceeded"}`,
			[]check{isType(&RateLimitError{}), is(ErrRateLimited, ErrForbidden), func(t *testing.T, err error) {
				var rl *RateLimitError
				errors.As(err, &rl)
				if rl.Rate.Limit != 5000 || rl.Rate.Remaining != 0 || !rl.Rate.Reset.Equal(time.Unix(4102444800, 0)) {
					t.Errorf("Rate = %+v", rl.Rate)
				}
			}}},
		{"403 secondary rate limit", 403, map[string]string{"Retry-After": "30"}, `{"message":"You have exceeded a secondary rate limit"}`,
			[]check{isType(&SecondaryRateLimitError{}), is(ErrRateLimited), func(t *testing.T, err error) {
				var s *SecondaryRateLimitError
				errors.As(err, &s)
				if s.RetryAfter != 30*time.Second {
					t.Errorf("RetryAfter = %v", s.RetryAfter)
				}
			}}},
		{"404", 404, nil, `{"message":"Not Found","documentation_url":"https://docs.github.com/enterprise/2.22/rest"}`,
			[]check{is(ErrNotFound), contains("404 Not Found", "site-admin"), func(t *testing.T, err error) {
				var er *ErrorResponse
				if !errors.As(err, &er) || er.DocumentationURL != "https://docs.github.com/enterprise/2.22/rest" {
					t.Errorf("ErrorResponse = %+v", er)
				}
			}}},
		{"409", 409, nil, `{"message":"Conflict"}`,
			[]check{contains("409 Conflict"), isNot(ErrNotFound)}},
		{"422 field errors", 422, nil, `{"message":"Validation Failed","errors":[{"resource":"User","code":"custom","field":"login","message":"login is already taken"},"email is invalid"]}`,
			[]check{isType(&ValidationError{}), contains("422", "Validation Failed", "User.login custom login is already taken", "email is invalid"), func(t *testing.T, err error) {
				var ve *ValidationError
				errors.As(err, &ve)
				want := []FieldError{{Resource: "User", Field: "login", Code: "custom", Message: "login is already taken"}, {Message: "email is invalid"}}
				if len(ve.Errors) != 2 || ve.Errors[0] != want[0] || ve.Errors[1] != want[1] {
					t.Errorf("Errors = %+v, want %+v", ve.Errors, want)
				}
				var er *ErrorResponse
				if !errors.As(err, &er) || er.StatusCode() != 422 {
					t.Error("a ValidationError is not an ErrorResponse")
				}
			}}},
		{"422 bare string errors", 422, nil, `{"message":"Validation Failed","errors":"Cannot delete the default environment"}`,
			[]check{isType(&ValidationError{}), contains("Cannot delete the default environment")}},
		{"429 with Retry-After", 429, map[string]string{"Retry-After": "120"}, `{"message":"Too many requests"}`,
			[]check{isType(&SecondaryRateLimitError{}), is(ErrRateLimited), func(t *testing.T, err error) {
				var s *SecondaryRateLimitError
				errors.As(err, &s)
				if s.RetryAfter != 2*time.Minute {
					t.Errorf("RetryAfter = %v", s.RetryAfter)
				}
			}}},
		{"500", 500, nil, `{"message":"Server Error"}`,
			[]check{contains("500 Internal Server Error", "Server Error"), isNot(ErrRateLimited)}},
		{"502 HTML", 502, map[string]string{"Content-Type": "text/html"}, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
			[]check{contains("502 Bad Gateway: 502 Bad Gateway"), func(t *testing.T, err error) {
				if strings.Contains(err.Error(), "<") {
					t.Errorf("HTML tags in the message: %q", err)
				}
			}}},
		{"503 plain text", 503, map[string]string{"Content-Type": "text/plain"}, "upstream\nconnect error\x00 or disconnect",
			[]check{contains("503 Service Unavailable: upstream connect error or disconnect")}},
		{"404 empty body", 404, nil, ``, []check{is(ErrNotFound), contains("404 Not Found")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := setup(t)
			// An administration endpoint: the 404 case expects the
			// site-admin hint, which only they carry.
			env.API.HandleFunc("GET /admin/x", func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.headers {
					w.Header().Set(k, v)
				}
				if w.Header().Get("Content-Type") == "" {
					w.Header().Set("Content-Type", "application/json")
				}
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			})
			resp, err := env.Client.api.call(context.Background(), &request{method: "GET", path: "admin/x"}, nil)
			if err == nil {
				t.Fatal("no error")
			}
			if resp == nil || resp.StatusCode != tt.status {
				t.Fatalf("resp = %v, want status %d", resp, tt.status)
			}
			var er *ErrorResponse
			if !errors.As(err, &er) || er.Response == nil || er.Response.StatusCode != tt.status {
				t.Fatalf("errors.As(*ErrorResponse) failed for %T", err)
			}
			if !strings.Contains(err.Error(), "GET "+env.APIServer.URL+"/api/v3/admin/x") {
				t.Errorf("error %q does not name the method and URL", err)
			}
			for _, c := range tt.checks {
				c(t, err)
			}
		})
	}
}

func TestErrorBodyIsBounded(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(500)
		chunk := []byte(strings.Repeat("x", 64<<10))
		for i := 0; i < 160; i++ { // 10 MiB
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	_, err := env.Client.api.call(context.Background(), &request{method: "GET", path: "big"}, nil)
	var er *ErrorResponse
	if !errors.As(err, &er) || er.StatusCode() != 500 {
		t.Fatalf("err = %v", err)
	}
	if len(err.Error()) > 400 {
		t.Errorf("the error message is %d bytes long", len(err.Error()))
	}
}

func TestFieldErrorUnmarshal(t *testing.T) {
	var er ErrorResponse
	if err := er.UnmarshalJSON([]byte(`{"message":"Validation Failed","errors":{"resource":"Hook","field":"url","code":"invalid"}}`)); err != nil {
		t.Fatal(err)
	}
	if len(er.Errors) != 1 || er.Errors[0].Field != "url" {
		t.Errorf("single-object errors: %+v", er.Errors)
	}
	er = ErrorResponse{}
	if err := er.UnmarshalJSON([]byte(`{"message":{"detail":"odd"},"errors":null}`)); err != nil {
		t.Fatal(err)
	}
	if er.Message != `{"detail":"odd"}` || er.Errors != nil {
		t.Errorf("odd message: %+v", er)
	}
}

// The Manage GHES API nests its message ({"error":{"message":…}}); a
// top-level message wins; an "error" that is not an object is skipped.
func TestErrorResponseMessageShapes(t *testing.T) {
	for in, want := range map[string]ErrorResponse{
		`{"error":{"message":"busy","request_id":""}}`:             {Message: "busy"},
		`{"message":"top","error":{"message":"nested"}}`:           {Message: "top"},
		`{"message":"top","error":"oops","documentation_url":"d"}`: {Message: "top", DocumentationURL: "d"},
		`{"error":"oops","errors":[{"code":"missing"}]}`:           {Errors: []FieldError{{Code: "missing"}}},
	} {
		var got ErrorResponse
		require.NoError(t, json.Unmarshal([]byte(in), &got), in)
		require.Equal(t, want, got, in)
	}
}
