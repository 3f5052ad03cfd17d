package ghesadmin

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

// FuzzCheckResponse feeds arbitrary error bodies and statuses to the error
// decoder: it must never panic, always return an error that names the status,
// and keep the message short and printable.
func FuzzCheckResponse(f *testing.F) {
	f.Add(422, `{"message":"Validation Failed","errors":[{"resource":"User","field":"login","code":"custom","message":"login is already taken"}]}`, "")
	f.Add(422, `{"message":"Validation Failed","errors":["Cannot delete the default environment"]}`, "")
	f.Add(422, `{"message":"Validation Failed","errors":"bare"}`, "")
	f.Add(403, `{"message":"You have exceeded a secondary rate limit"}`, "60")
	f.Add(429, ``, "Thu, 01 Jan 2026 00:01:00 GMT")
	f.Add(502, `<html><title>502 Bad Gateway</title></html>`, "")
	f.Add(404, `{"message":null,"errors":[null,1,{}]}`, "")
	f.Add(500, "\xff\xfe{\"message\":", "")
	f.Add(301, ``, "")
	f.Fuzz(func(t *testing.T, status int, body, retryAfter string) {
		if status < 300 || status > 599 {
			status = 300 + (status%300+300)%300
		}
		h := http.Header{}
		if retryAfter != "" {
			h.Set("Retry-After", retryAfter)
		}
		req := &http.Request{Method: "GET", URL: &url.URL{Scheme: "https", Host: "ghe", Path: "/api/v3/x"}}
		r := &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body)), Request: req}
		err := checkResponse(r, req)
		if err == nil {
			t.Fatal("nil error")
		}
		msg := err.Error()
		if !strings.Contains(msg, statusText(status)) {
			t.Fatalf("%q does not name the status %d", msg, status)
		}
		if !bytes.HasPrefix(bytes.TrimSpace([]byte(body)), []byte("{")) && len(msg) > 1200 {
			t.Fatalf("message of %d bytes for a non-JSON body", len(msg))
		}
		var srl *SecondaryRateLimitError
		if asSecondary(err, &srl) && srl.RetryAfter < 0 {
			t.Fatalf("negative RetryAfter %v", srl.RetryAfter)
		}
	})
}

func asSecondary(err error, target **SecondaryRateLimitError) bool {
	s, ok := err.(*SecondaryRateLimitError)
	if ok {
		*target = s
	}
	return ok
}

// FuzzTimestamp checks that every time GHES formats decodes, that nothing
// panics, and that a decoded time encodes and decodes to the same instant.
func FuzzTimestamp(f *testing.F) {
	for _, s := range []string{
		`"2016/02/06 12:41:52 -0600"`, `"2017-12-07T00:14:59Z"`, `"2020-01-02T03:04:05.123+02:00"`,
		`1700000000`, `null`, `""`, `"2016/02/06 12:41:52 CST"`, `"0000/01/01 00:00:00 +0000"`, `-62135596800`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var ts Timestamp
		if err := json.Unmarshal([]byte(in), &ts); err != nil {
			return
		}
		if ts.Year() < 0 || ts.Year() > 9999 {
			return // outside what RFC 3339 can carry back
		}
		b, err := json.Marshal(ts)
		if err != nil {
			t.Fatalf("marshal %v: %v", ts.Time, err)
		}
		var back Timestamp
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s does not decode: %v", b, err)
		}
		if !back.Time.Truncate(time.Second).Equal(ts.Time.Truncate(time.Second)) {
			t.Fatalf("%s → %v → %s → %v", in, ts.Time, b, back.Time)
		}
	})
}

// FuzzLicenseTimeFormat feeds the license expire_at layout with arbitrary
// field values.
func FuzzLicenseTimeFormat(f *testing.F) {
	f.Add(2016, 2, 6, 12, 41, 52, -360)
	f.Add(2099, 12, 31, 23, 59, 59, 840)
	f.Fuzz(func(t *testing.T, y, mo, d, h, mi, s, offMin int) {
		// Fold every input into a valid date, so no run is wasted.
		fold := func(v, lo, n int) int { return lo + ((v%n)+n)%n }
		y, mo, d = fold(y, 1, 9999), fold(mo, 1, 12), fold(d, 1, 28)
		h, mi, s = fold(h, 0, 24), fold(mi, 0, 60), fold(s, 0, 60)
		offMin = fold(offMin, -720, 1561) // -12:00 … +14:00
		zone := time.FixedZone("", offMin*60)
		want := time.Date(y, time.Month(mo), d, h, mi, s, 0, zone)
		in := want.Format("2006/01/02 15:04:05 -0700")
		got, err := ParseTimestamp(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if !got.Time.Equal(want) {
			t.Fatalf("%q = %v, want %v", in, got.Time, want)
		}
	})
}

// FuzzConsoleSettings checks the settings decoder: whatever JSON object it
// accepts, encoding the result gives back every non-null key and value of
// the input (unknown keys included), so a read-modify-write loses nothing.
func FuzzConsoleSettings(f *testing.F) {
	f.Add(`{"enterprise":{"private_mode":false,"public_pages":false,"github_hostname":"ghe.example.com","smtp":{"enabled":true,"discard-to-noreply-address":true},"ldap":{"host":null,"reconciliation":{"user":null,"org":null},"profile":{"uid":null}},"unknown_here":{"x":[1,2,{"y":null}]}},"run_list":["recipe[enterprise-configure]"],"top_extra":7}`)
	f.Add(`{"enterprise":{"avatar":{"enabled":false,"uri":""},"customer":{"name":"GitHub","public_key_data":"-----BEGIN PGP PUBLIC KEY BLOCK-----"},"license":{"seats":0,"evaluation":false,"perpetual":false,"unlimited_seating":true,"support_key":"ssh-rsa AAAA","ssh_allowed":true,"cluster_support":false,"expire_at":"2016-04-27T00:00:00-07:00"}}}`)
	f.Add(`{"run_list":[],"enterprise":{}}`)
	f.Add(`{"enterprise":{"load_balancer":null,"assets":{"storage":"s3"},"collectd":{"enabled":false,"port":0,"encryption":null}}}`)
	f.Fuzz(func(t *testing.T, in string) {
		var s ConsoleSettings
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			return
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("%s decoded but does not encode: %v", in, err)
		}
		var want, got any
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			return
		}
		if _, isObject := want.(map[string]any); !isObject {
			return // null: the settings document is an object
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("the encoding %s is not JSON: %v", out, err)
		}
		if w, g := withoutNulls(want), withoutNulls(got); !reflect.DeepEqual(w, g) {
			t.Fatalf("round trip lost or changed data:\n in  %s\n out %s", in, out)
		}
	})
}

// withoutNulls drops null members of objects, recursively: a null setting
// is not sent back, and the server keeps its value.
func withoutNulls(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, val := range x {
			if val != nil {
				m[k] = withoutNulls(val)
			}
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, val := range x {
			out[i] = withoutNulls(val)
		}
		return out
	}
	return v
}
