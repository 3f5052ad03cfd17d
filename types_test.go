package ghesadmin

import (
	"encoding/json"
	"testing"
	"time"
)

func TestTimestamp(t *testing.T) {
	cst := time.FixedZone("", -6*3600)
	tests := []struct {
		in   string
		want time.Time
	}{
		{`"2016/02/06 12:41:52 -0600"`, time.Date(2016, 2, 6, 12, 41, 52, 0, cst)},
		{`"2017-12-07T00:14:59Z"`, time.Date(2017, 12, 7, 0, 14, 59, 0, time.UTC)},
		{`"2020-01-02T03:04:05.123+02:00"`, time.Date(2020, 1, 2, 1, 4, 5, 123e6, time.UTC)},
		{`1700000000`, time.Unix(1700000000, 0)},
		{`"1700000000"`, time.Unix(1700000000, 0)},
		{`null`, time.Time{}},
		{`""`, time.Time{}},
	}
	for _, tt := range tests {
		var ts Timestamp
		if err := json.Unmarshal([]byte(tt.in), &ts); err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if !ts.Time.Equal(tt.want) {
			t.Errorf("%s = %v, want %v", tt.in, ts.Time, tt.want)
		}
	}
	for _, bad := range []string{`"next tuesday"`, `true`, `"2016/13/45 99:00:00 -0600"`, `{}`} {
		var ts Timestamp
		if err := json.Unmarshal([]byte(bad), &ts); err == nil {
			t.Errorf("%s decoded to %v", bad, ts)
		}
	}
	b, _ := json.Marshal(Timestamp{time.Date(2016, 2, 6, 12, 41, 52, 0, cst)})
	if string(b) != `"2016-02-06T12:41:52-06:00"` {
		t.Errorf("marshal = %s", b)
	}
	b, _ = json.Marshal(Timestamp{})
	if string(b) != `null` {
		t.Errorf("zero marshal = %s", b)
	}
}
