package ghestest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// parseWhen reads a maintenance "when" as GHES does (the Management
// Console parses it with a natural-language date parser): "now" or empty;
// ISO 8601 / RFC 3339 ("2026-01-22T15:34:00-08:00", "…Z"); the numeric forms
// "2026-01-22 15:34[:05][ -0800]", "2026-01-22", "2026/01/22 15:34",
// "01/22/2026 15:34"; "in 30 minutes" / "30 minutes from now" (seconds,
// minutes, hours, days, weeks); "today", "tomorrow" or a weekday ("monday",
// "next monday"), each optionally "at 3pm" / "at 15:30" / "at noon"; and
// "at 3pm" alone (the next such time). A time without an offset is in the
// appliance's time zone, the fake's clock's location (see WithClock). A
// time not in the future means now (nil).
func parseWhen(when string, now time.Time) (*time.Time, error) {
	t, err := parseNaturalTime(when, now)
	if err != nil {
		return nil, err
	}
	if t.IsZero() || !t.After(now) {
		return nil, nil
	}
	return &t, nil
}

var (
	reIn       = regexp.MustCompile(`^in (\d+|an?|one) (second|minute|hour|day|week)s?$`)
	reFromNow  = regexp.MustCompile(`^(\d+|an?|one) (second|minute|hour|day|week)s? from now$`)
	reDayAt    = regexp.MustCompile(`^(?:(today|tomorrow|(?:next |this )?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday))(?: at)? ?)?(.*)$`)
	reClock    = regexp.MustCompile(`^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm)?$`)
	absLayouts = []string{
		time.RFC3339Nano, time.RFC3339,
		"2006-01-02T15:04:05-0700", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04 -0700",
	}
	localLayouts = []string{
		"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
		"2006/01/02 15:04:05", "2006/01/02 15:04", "2006/01/02",
		"01/02/2006 15:04:05", "01/02/2006 15:04", "01/02/2006", "1/2/2006 15:04", "1/2/2006",
	}
)

// parseNaturalTime returns the zero time for "now".
func parseNaturalTime(when string, now time.Time) (time.Time, error) {
	w := strings.ToLower(strings.Join(strings.Fields(when), " "))
	if w == "" || w == "now" || w == "right now" {
		return time.Time{}, nil
	}
	for _, l := range absLayouts {
		if t, err := time.Parse(l, strings.ToUpper(w)); err == nil {
			return t, nil
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, w, now.Location()); err == nil {
			return t, nil
		}
	}
	if m := reIn.FindStringSubmatch(w); m != nil {
		return now.Add(unitCount(m[1]) * unitOf(m[2])), nil
	}
	if m := reFromNow.FindStringSubmatch(w); m != nil {
		return now.Add(unitCount(m[1]) * unitOf(m[2])), nil
	}
	m := reDayAt.FindStringSubmatch(w)
	day, clock := m[1], strings.TrimSpace(strings.TrimPrefix(m[2], "at "))
	if day == "" && clock == "" {
		return time.Time{}, fmt.Errorf("cannot parse the time %q", when)
	}
	hour, minute, sec := 0, 0, 0
	switch clock {
	case "":
		hour = 12 // a day alone means its noon, as the console's parser does
	case "noon", "midday":
		hour = 12
	case "midnight":
		hour = 0
	default:
		c := reClock.FindStringSubmatch(clock)
		if c == nil {
			return time.Time{}, fmt.Errorf("cannot parse the time %q", when)
		}
		hour, _ = strconv.Atoi(c[1])
		if c[4] != "" && (hour < 1 || hour > 12) {
			return time.Time{}, fmt.Errorf("cannot parse the time %q", when)
		}
		if c[2] != "" {
			minute, _ = strconv.Atoi(c[2])
		}
		if c[3] != "" {
			sec, _ = strconv.Atoi(c[3])
		}
		switch c[4] {
		case "am":
			if hour == 12 {
				hour = 0
			}
		case "pm":
			if hour < 12 {
				hour += 12
			}
		}
		if hour > 23 || minute > 59 || sec > 59 {
			return time.Time{}, fmt.Errorf("cannot parse the time %q", when)
		}
	}
	loc := now.In(now.Location())
	base := time.Date(loc.Year(), loc.Month(), loc.Day(), hour, minute, sec, 0, now.Location())
	switch {
	case day == "today":
		return base, nil
	case day == "tomorrow":
		return base.AddDate(0, 0, 1), nil
	case day == "":
		// "at 3pm": the next such time.
		if !base.After(now) {
			base = base.AddDate(0, 0, 1)
		}
		return base, nil
	}
	next := strings.HasPrefix(day, "next ")
	name := strings.TrimPrefix(strings.TrimPrefix(day, "next "), "this ")
	for d := 0; d < 7; d++ {
		c := base.AddDate(0, 0, d)
		if strings.ToLower(c.Weekday().String()) == name && (d > 0 || c.After(now)) {
			if next && d == 0 {
				c = c.AddDate(0, 0, 7)
			}
			return c, nil
		}
	}
	return base.AddDate(0, 0, 7), nil
}

func unitCount(s string) time.Duration {
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n)
	}
	return 1 // "a", "an", "one"
}

func unitOf(u string) time.Duration {
	switch u {
	case "second":
		return time.Second
	case "minute":
		return time.Minute
	case "hour":
		return time.Hour
	case "day":
		return 24 * time.Hour
	}
	return 7 * 24 * time.Hour
}
