package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestLicenseGet(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/settings/license", Reply: "license/get.json"})
	info, _, err := env.Client.License.Get(context.Background())
	require.NoError(t, err, "Get")
	assertFields(t, "license", *info, LicenseInfo{
		Seats:               LicenseSeats{Count: 1400},
		SeatsUsed:           1316,
		SeatsAvailable:      LicenseSeats{Count: 84},
		Kind:                "standard",
		DaysUntilExpiration: 365,
		// "2016/02/06 12:41:52 -0600"
		ExpireAt: Timestamp{time.Date(2016, 2, 6, 18, 41, 52, 0, time.UTC)},
	})
	if _, off := info.ExpireAt.Zone(); off != -6*3600 {
		t.Errorf("ExpireAt offset = %d, want -0600", off)
	}
	assertCoversFixture(t, "license/get.json", LicenseInfo{})
}

func TestLicenseGetUnlimitedSeats(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/settings/license", ReplyJSON: `{"seats":"unlimited","seats_used":12,"seats_available":"unlimited","kind":"standard","days_until_expiration":30,"expire_at":"2030/01/02 03:04:05 +0000"}`})
	info, _, err := env.Client.License.Get(context.Background())
	require.NoError(t, err, "Get")
	assertFields(t, "license", *info, LicenseInfo{
		Seats:               LicenseSeats{Unlimited: true},
		SeatsUsed:           12,
		SeatsAvailable:      LicenseSeats{Unlimited: true},
		Kind:                "standard",
		DaysUntilExpiration: 30,
		ExpireAt:            Timestamp{time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)},
	})
	if info.Seats.String() != "unlimited" {
		t.Errorf("Seats.String() = %q", info.Seats.String())
	}
}

func TestLicenseSeatsJSON(t *testing.T) {
	for in, want := range map[string]LicenseSeats{
		`1400`:        {Count: 1400},
		`"25"`:        {Count: 25},
		`"Unlimited"`: {Unlimited: true},
		`null`:        {},
	} {
		var got LicenseSeats
		if err := json.Unmarshal([]byte(in), &got); err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got != want {
			t.Errorf("%s: got %+v, want %+v", in, got, want)
		}
	}
	// Issue 12: a string other than "unlimited" is kept, not refused, and
	// goes back unchanged.
	var s LicenseSeats
	if err := json.Unmarshal([]byte(`"lots"`), &s); err != nil || s != (LicenseSeats{Text: "lots"}) || s.String() != "lots" {
		t.Errorf(`"lots" = %+v, %v; want Text "lots"`, s, err)
	}
	if err := json.Unmarshal([]byte(`true`), &s); err == nil {
		t.Errorf("true: no error")
	}
	for v, want := range map[LicenseSeats]string{{Count: 3}: `3`, {Unlimited: true}: `"unlimited"`, {Text: "lots"}: `"lots"`} {
		b, err := json.Marshal(v)
		if err != nil || string(b) != want {
			t.Errorf("Marshal(%+v) = %s, %v; want %s", v, b, err, want)
		}
	}
}

func TestLicenseGetNotAdmin(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/settings/license", Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found"}`})
	info, resp, err := env.Client.License.Get(context.Background())
	if !errors.Is(err, ErrNotFound) || info != nil || resp == nil {
		t.Fatalf("Get = %v, %v, %v; want nil, the response, ErrNotFound", info, resp, err)
	}
}
