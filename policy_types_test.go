package ghesadmin

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestSetSelectedActionsRequestSendsOnlyWhatIsSet(t *testing.T) {
	for _, tc := range []struct {
		body SetSelectedActionsRequest
		want string
	}{
		{SetSelectedActionsRequest{}, `{}`},
		{SetSelectedActionsRequest{PatternsAllowed: []string{}}, `{"patterns_allowed":[]}`},
		{SetSelectedActionsRequest{GitHubOwnedAllowed: Ptr(false), VerifiedAllowed: Ptr(true), PatternsAllowed: []string{"docker/*"}},
			`{"github_owned_allowed":false,"verified_allowed":true,"patterns_allowed":["docker/*"]}`},
	} {
		b, err := json.Marshal(tc.body)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tc.want {
			t.Errorf("%+v encodes as %s, want %s", tc.body, b, tc.want)
		}
	}
}

func TestAnnouncementNullsDecodeAsNone(t *testing.T) {
	var a Announcement
	if err := decodeLenient([]byte(`{"announcement":null,"expires_at":null}`), &a); err != nil {
		t.Fatal(err)
	}
	if a.Announcement != "" || !a.ExpiresAt.IsZero() || a.UserDismissible {
		t.Errorf("decoded %+v", a)
	}
	if err := decodeLenient([]byte(`{"announcement":"hi","expires_at":"2021-01-01T00:00:00.000+00:00","user_dismissible":true}`), &a); err != nil {
		t.Fatal(err)
	}
	if a.Announcement != "hi" || !a.ExpiresAt.Time.Equal(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)) || !a.UserDismissible {
		t.Errorf("decoded %+v", a)
	}
}

func TestSetAnnouncementRequestRefusesZeroExpiry(t *testing.T) {
	err := SetAnnouncementRequest{Announcement: "x", ExpiresAt: &time.Time{}}.validate()
	if !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("zero expiry: %v", err)
	}
	b, _ := json.Marshal(SetAnnouncementRequest{Announcement: "x"})
	if string(b) != `{"announcement":"x"}` {
		t.Errorf("no expiry encodes as %s", b)
	}
}
