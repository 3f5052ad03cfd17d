package ghestest

import (
	"testing"
)

func TestLicenseCountsSeats(t *testing.T) {
	s := adminAreasServer(t)
	// License: 4 users, 1 suspended → 3 seats used.
	r := api(t, s, "GET", "/enterprise/settings/license", "")
	l := r.obj(t)
	if l["seats"] != 10.0 || l["seats_used"] != 3.0 || l["seats_available"] != 7.0 || l["days_until_expiration"] != 30.0 || l["expire_at"] != testNow.AddDate(0, 0, 30).Format("2006/01/02 15:04:05 -0700") {
		t.Errorf("license %s", r.body)
	}
}
