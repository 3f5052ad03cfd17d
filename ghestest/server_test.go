package ghestest

import (
	"net"
	"net/http"
	"strings"
	"testing"
)

// TestCloseClosesPendingConnections: a connection opened ahead and never
// used (as a client's prefetch leaves behind) is closed by Close, which
// then returns; the old Shutdown-based Close waited it out.
func TestCloseClosesPendingConnections(t *testing.T) {
	s, err := NewServer()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Make sure the server has accepted it.
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "meta"}), http.StatusOK)
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	// The server side of the pending connection is closed by Close itself:
	// the read returns EOF, and Close has returned or returns without
	// further waiting.
	buf := make([]byte, 1)
	if _, err := conn.Read(buf); err == nil {
		t.Fatal("read data from a closed server")
	}
	<-closed
}
