package benchmarks

// The dormant-users report: 10,000 and 100,000 rows streamed through
// Reports.DormantUsers. The CSV is generated as it is read, so that the
// heap being measured holds only what the SDK keeps.

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/ghesadmin/ghesadmin"
)

const reportHeader = "created_at,id,login,email,role,suspended?,last_logged_ip,repos,ssh_keys,org_memberships,dormant?,last_active,raw_login,2fa_enabled?\n"

// csvRows is a response body that writes rows users of a dormant-users
// report on demand.
type csvRows struct {
	rows, next int
	buf        []byte
}

func (r *csvRows) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.next > r.rows {
			return 0, io.EOF
		}
		if r.next == 0 {
			r.buf = append(r.buf[:0], reportHeader...)
		} else {
			id := strconv.Itoa(r.next)
			r.buf = append(r.buf[:0], "2020-01-02T03:04:05Z,"...)
			r.buf = append(r.buf, id...)
			r.buf = append(r.buf, ",user-"...)
			r.buf = append(r.buf, id...)
			r.buf = append(r.buf, ",user-"...)
			r.buf = append(r.buf, id...)
			r.buf = append(r.buf, "@example.com,user,false,10.0.0.1,3,1,2,true,2021-01-01T00:00:00Z,user-"...)
			r.buf = append(r.buf, id...)
			r.buf = append(r.buf, ",false\n"...)
		}
		r.next++
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

func (r *csvRows) Close() error { return nil }

// reportTransport answers the report with rows rows, after one 202.
type reportTransport struct {
	rows  int
	asked int
}

func (t *reportTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.asked++
	if t.asked == 1 {
		return &http.Response{StatusCode: http.StatusAccepted, Header: http.Header{}, Body: http.NoBody, Request: req}, nil
	}
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"text/csv"}}, Body: &csvRows{rows: t.rows}, Request: req}, nil
}

// reportPeakHeap walks a report of rows rows, sampling the heap in use.
func reportPeakHeap(tb testing.TB, rows int) *heapPeak {
	c, err := ghesadmin.NewClient(benchBaseURL, ghesadmin.WithSiteAdmin("boss", "ghp_bench"),
		ghesadmin.WithHTTPClient(&http.Client{Transport: &reportTransport{rows: rows}}))
	if err != nil {
		tb.Fatal(err)
	}
	h := newHeapPeak()
	n := 0
	for r, err := range c.Reports.DormantUsers(context.Background(), ghesadmin.WaitInterval(1)) {
		if err != nil {
			tb.Fatal(err)
		}
		n++
		if r.ID != int64(n) || !r.Dormant {
			tb.Fatalf("row %d: %+v", n, r)
		}
		h.sample(int64(n))
	}
	if n != rows {
		tb.Fatalf("walked %d rows, want %d", n, rows)
	}
	return h
}

// BenchmarkReportPeakHeap reports the peak heap in use (MiB) while walking
// a dormant-users report of 10,000 and 100,000 rows: the rows are streamed,
// so both peaks should be about the same.
func BenchmarkReportPeakHeap(b *testing.B) {
	benchPeakHeap(b, "rows", []int{10000, 100000}, reportPeakHeap)
}
