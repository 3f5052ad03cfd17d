package ghestest

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestParseWhenNaturalLanguage(t *testing.T) {
	pst := time.FixedZone("PST", -8*3600)
	now := time.Date(2026, 1, 21, 10, 0, 0, 0, pst) // a Wednesday, 10:00 in the appliance's zone
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, pst) }
	// Each instant with every way of writing it; the zero instant is now.
	for _, tc := range []struct {
		want time.Time
		ins  []string
	}{
		{time.Time{}, []string{"now", "", " NOW ", "today at 9am", "2020-01-01 00:00"}}, // empty or past: now
		{at(2026, 1, 22, 15, 0), []string{"tomorrow at 3pm"}},
		{at(2026, 1, 22, 15, 30), []string{"Tomorrow at 3:30 PM", "tomorrow at 15:30"}},
		{at(2026, 1, 22, 12, 0), []string{"tomorrow", "tomorrow at noon"}},
		{at(2026, 1, 21, 11, 0), []string{"today at 11am"}},
		{at(2026, 1, 21, 15, 0), []string{"at 3pm"}},
		{at(2026, 1, 22, 9, 0), []string{"at 9am"}},
		{at(2026, 1, 22, 0, 0), []string{"tomorrow at 12am", "2026-01-22"}},
		{at(2026, 1, 23, 18, 0), []string{"friday at 6pm"}},
		{at(2026, 1, 26, 9, 0), []string{"next monday at 9am"}},
		{at(2026, 1, 28, 9, 0), []string{"wednesday at 9am"}},
		{now.Add(30 * time.Minute), []string{"in 30 minutes"}},
		{now.Add(time.Hour), []string{"in an hour"}},
		{now.Add(48 * time.Hour), []string{"in 2 days"}},
		{now.Add(45 * time.Minute), []string{"45 minutes from now"}},
		{at(2026, 1, 22, 15, 34), []string{"2026-01-22T15:34:00-08:00", "2026-01-22T23:34:00Z", "2026-01-22 15:34",
			"2026-01-22 15:34:00 -0800", "2026/01/22 15:34", "01/22/2026 15:34"}},
	} {
		for _, in := range tc.ins {
			got, err := parseWhen(in, now)
			if err != nil {
				t.Errorf("%q: %v", in, err)
				continue
			}
			switch {
			case tc.want.IsZero() && got != nil:
				t.Errorf("%q = %v, want now", in, got)
			case !tc.want.IsZero() && (got == nil || !got.Equal(tc.want)):
				t.Errorf("%q = %v, want %v", in, got, tc.want)
			}
		}
	}
	for _, bad := range []string{"whenever", "tomorrow at 25pm", "at 13pm", "in many minutes", "2026-13-01"} {
		if got, err := parseWhen(bad, now); err == nil {
			t.Errorf("%q = %v, want an error", bad, got)
		}
	}
}

func TestConsoleSchedulesNaturalLanguageMaintenance(t *testing.T) {
	clock := time.Date(2026, 1, 21, 10, 0, 0, 0, time.UTC)
	var mu = make(chan time.Time, 1)
	mu <- clock
	now := func() time.Time { c := <-mu; mu <- c; return c }
	s := New(t, WithVersion("3.10.0"), WithClock(now))
	form := url.Values{"maintenance": {`{"enabled":true,"when":"tomorrow at 3pm"}`}}.Encode()
	r := console(t, s, "POST", "/setup/api/maintenance", form, "application/x-www-form-urlencoded")
	wantStatus(t, r, http.StatusOK)
	if o := r.obj(t); o["status"] != "scheduled" || o["scheduled_time"] != "Thursday, January 22 at 15:00 +0000" {
		t.Errorf("reply = %s", r.body)
	}
	// The clock passes the scheduled time: maintenance is on.
	<-mu
	mu <- clock.Add(30 * time.Hour)
	if o := console(t, s, "GET", "/setup/api/maintenance", "", "").obj(t); o["status"] != "on" {
		t.Errorf("after the time: %v", o)
	}
	form = url.Values{"maintenance": {`{"enabled":true,"when":"a week from never"}`}}.Encode()
	wantStatus(t, console(t, s, "POST", "/setup/api/maintenance", form, "application/x-www-form-urlencoded"), http.StatusUnprocessableEntity)
}
