package ghestest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestObjWritesMembersInOrder(t *testing.T) {
	var none *string
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	o := obj{{"z", 1}, {"a", "x<y"}, {"null", none}, {"at", at}, {"inner", obj{{"b", true}, {"a", []int{}}}}}
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"z":1,"a":"x\u003cy","null":null,"at":"2024-05-06T07:08:09Z","inner":{"b":true,"a":[]}}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	if b, err := json.Marshal(obj{}); err != nil || string(b) != "{}" {
		t.Errorf("empty obj = %s, %v", b, err)
	}
}

func TestObjReportsAMemberItCannotEncode(t *testing.T) {
	_, err := json.Marshal(obj{{"ok", 1}, {"bad", make(chan int)}})
	if err == nil || !strings.Contains(err.Error(), `"bad"`) {
		t.Errorf("err = %v", err)
	}
}

func TestObjWithAndSet(t *testing.T) {
	base := make(obj, 0, 8)
	base = append(base, member{"a", 1})
	joined := base.with(obj{{"b", 2}}, obj{{"c", 3}})
	other := base.with(obj{{"x", 9}})
	if got, _ := json.Marshal(joined); string(got) != `{"a":1,"b":2,"c":3}` {
		t.Errorf("with = %s (a later with must not overwrite it)", got)
	}
	if got, _ := json.Marshal(other); string(got) != `{"a":1,"x":9}` {
		t.Errorf("second with = %s", got)
	}
	set := joined.set("b", "two").set("d", nil)
	if got, _ := json.Marshal(set); string(got) != `{"a":1,"b":"two","c":3,"d":null}` {
		t.Errorf("set = %s", got)
	}
}

// TestUserReplyKeepsTheReferenceOrder pins the member order of a reply built
// as an obj: the documented order of the simple user, then the profile.
func TestUserReplyKeepsTheReferenceOrder(t *testing.T) {
	s := New(t)
	r := do(t, req{method: "GET", url: s.APIURL() + "users/" + s.AdminLogin(), token: s.Token()})
	wantStatus(t, r, http.StatusOK)
	body := string(r.body)
	last := -1
	for _, k := range []string{"login", "id", "node_id", "avatar_url", "gravatar_id", "url", "html_url", "type", "site_admin", "name", "email", "public_repos", "created_at", "updated_at", "blog", "hireable", "bio"} {
		i := strings.Index(body, `"`+k+`":`)
		if i <= last {
			t.Fatalf("%q at %d, not after the previous member (%d): %s", k, i, last, body)
		}
		last = i
	}
}
