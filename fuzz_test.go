package ghesadmin

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
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
		if y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 28 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || offMin < -720 || offMin > 840 {
			return
		}
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
