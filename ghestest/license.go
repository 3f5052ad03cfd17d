package ghestest

import (
	"net/http"
	"time"
)

// licenseRoutes are the endpoints of the SDK's license.go.
var licenseRoutes = []route{
	{"GET /enterprise/settings/license", accessAdmin, "", hLicense},
}

type licenseRec struct {
	seats    int
	expireAt time.Time
}

// seatsUsed counts the users that hold a seat: every user not suspended.
func (st *state) seatsUsed() int {
	n := 0
	for _, u := range st.users {
		if !u.suspended {
			n++
		}
	}
	return n
}

func hLicense(c *call) {
	st := c.s.st
	used := st.seatsUsed()
	days := int(c.s.license().expireAt.Sub(c.s.now()).Hours() / 24)
	if days < 0 {
		days = 0
	}
	c.json(http.StatusOK, struct {
		Seats               any    `json:"seats"`
		SeatsUsed           int    `json:"seats_used"`
		SeatsAvailable      any    `json:"seats_available"`
		Kind                string `json:"kind"`
		DaysUntilExpiration int    `json:"days_until_expiration"`
		ExpireAt            string `json:"expire_at"`
	}{st.license.seats, used, max(st.license.seats-used, 0), "standard", days, st.license.expireAt.Format("2006/01/02 15:04:05 -0700")})
}

func (s *Server) license() licenseRec { return s.st.license }
