package ghesadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listElem is a plain element type for the list decoding tests: no
// UnmarshalJSON of its own, so that only the list decoder's work is counted.
type listElem struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	URL       string    `json:"url"`
	Owner     *string   `json:"owner"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at"`
	Labels    []string  `json:"labels"`
}

func listBody(n int) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteByte(',')
		}
		id := strconv.Itoa(i)
		b.WriteString(`{"id":` + id + `,"name":"key-` + id + `","url":"https://ghe.example.com/api/v3/keys/` + id +
			`","owner":"octocat","active":true,"created_at":"2026-01-02T03:04:05Z","labels":["a","b"]}`)
	}
	b.WriteByte(']')
	return b.Bytes()
}

func cannedResponse(body []byte, contentLength bool) *http.Response {
	cl := int64(-1)
	if contentLength {
		cl = int64(len(body))
	}
	return &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: cl}
}

// A list reply that matches its type costs what decoding it with a plain
// json.Decoder costs: it is decoded straight into the slice, not element by
// element through a json.RawMessage and the lenient decoder (which cost
// about four more allocations per element).
func TestListDecodingAllocatesAsPlainDecoding(t *testing.T) {
	body := listBody(100)
	req, err := http.NewRequest(http.MethodGet, "https://ghe.example.com/api/v3/admin/keys", nil)
	require.NoError(t, err)
	for _, withLength := range []bool{true, false} {
		plain := testing.AllocsPerRun(20, func() {
			var v []*listElem
			if err := json.NewDecoder(cannedResponse(body, withLength).Body).Decode(&v); err != nil || len(v) != 100 {
				t.Fatalf("plain decoding: %d, %v", len(v), err)
			}
		})
		sdk := testing.AllocsPerRun(20, func() {
			out := listOut[*listElem]{limit: MaxPerPage}
			if _, err := decodeBody(cannedResponse(body, withLength), &out, req); err != nil || len(out.items) != 100 {
				t.Fatalf("decodeBody: %d, %v", len(out.items), err)
			}
		})
		t.Logf("Content-Length sent: %v; allocations: json.Decoder %.0f, decodeBody %.0f", withLength, plain, sdk)
		// The margin covers the response-body reader and the read buffer
		// (one allocation when the Content-Length is known, grown as
		// append grows it otherwise, as json.Decoder grows its own).
		assert.LessOrEqual(t, sdk, plain+10, "allocations of a 100-element list, Content-Length sent: %v", withLength)
	}
}

// A scalar of another JSON type in the elements of a top-level list does
// not fail the reply: the list falls back to the lenient decoder, in every
// element, at every path.
func TestListDecodingLenientFallback(t *testing.T) {
	req, err := http.NewRequest(http.MethodGet, "https://ghe.example.com/api/v3/admin/keys", nil)
	require.NoError(t, err)
	body := `[{"id":"1","name":2,"active":"true","labels":["x",3]},` +
		`{"id":2,"name":"b","active":false},` +
		`{"id":"3","name":"c","owner":4,"active":"false"}]`
	out := listOut[listElem]{limit: MaxPerPage}
	_, err = decodeBody(cannedResponse([]byte(body), true), &out, req)
	require.NoError(t, err)
	require.Len(t, out.items, 3)
	assert.Equal(t, listElem{ID: 1, Name: "2", Active: true, Labels: []string{"x", "3"}}, out.items[0])
	assert.Equal(t, listElem{ID: 2, Name: "b"}, out.items[1])
	assert.Equal(t, listElem{ID: 3, Name: "c", Owner: Ptr("4")}, out.items[2])
	assert.Nil(t, out.unread, "converted values are not unread")

	// A value that cannot be converted is unread: its element is read
	// with that field's zero value, the other elements as sent.
	out = listOut[listElem]{limit: MaxPerPage}
	_, err = decodeBody(cannedResponse([]byte(`[{"id":1,"name":"a"},{"id":{"a":1},"name":"b"}]`), true), &out, req)
	require.NoError(t, err)
	assert.Equal(t, []listElem{{ID: 1, Name: "a"}, {Name: "b"}}, out.items)
	assert.Equal(t, []UnreadValue{{Path: "[1].id", Value: json.RawMessage(`{"a":1}`)}}, out.unread)

	// A top-level value that cannot be the list is still an error.
	out = listOut[listElem]{limit: MaxPerPage}
	_, err = decodeBody(cannedResponse([]byte(`{"id":1}`), true), &out, req)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Nil(t, out.items)
	assert.Nil(t, out.unread)
}

// The same fallback through a method: public keys whose numbers and
// booleans come as strings.
func TestListPublicKeysLenient(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /admin/keys", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `[{"id":1,"key":"ssh-ed25519 AAA","user_id":"7","read_only":"true","verified":true},`+
			`{"id":"2","key":"ssh-ed25519 BBB","repository_id":9,"read_only":false,"verified":"false"}]`)
	})
	keys, _, err := env.Client.Users.ListPublicKeys(context.Background(), nil)
	require.NoError(t, err)
	require.Len(t, keys, 2)
	assert.Equal(t, int64(1), keys[0].ID)
	assert.Equal(t, Ptr(int64(7)), keys[0].UserID)
	assert.True(t, keys[0].ReadOnly)
	assert.Equal(t, int64(2), keys[1].ID)
	assert.Equal(t, Ptr(int64(9)), keys[1].RepositoryID)
	assert.False(t, keys[1].Verified)
}

// encoding/json names an embedded struct in the path of a type error
// ("plain.user_id"): the lenient decoder finds the field in the object
// itself.
func TestDecodeLenientEmbeddedPath(t *testing.T) {
	type plain struct {
		UserID *int64 `json:"user_id"`
		Name   string `json:"name"`
	}
	var v struct {
		plain
		ID json.RawMessage `json:"id"`
	}
	unread, err := decodeLenient([]byte(`{"id":"1","user_id":"7","name":8}`), &v)
	require.NoError(t, err)
	assert.Empty(t, unread, "converted values are not unread")
	assert.Equal(t, Ptr(int64(7)), v.UserID)
	assert.Equal(t, "8", v.Name)
	assert.Equal(t, `"1"`, string(v.ID))
}

// readList finds the first JSON value of a body and counts its elements
// without being misled by strings, nesting or white space.
func TestReadList(t *testing.T) {
	tests := []struct {
		name, body, want string
		limit            int
		wantErr          error
	}{
		{name: "array with white space and trailing bytes", body: " \n[1, 2 ,3]\n trailing", want: "[1, 2 ,3]", limit: 3},
		{name: "empty array", body: "[]", want: "[]", limit: 0},
		{name: "empty array with space", body: "[ \t]", want: "[ \t]", limit: 0},
		{name: "trailing comma counts no element", body: "[1,2,]", want: "[1,2,]", limit: 2},
		{name: "brackets and commas in strings", body: `["a,b","]","\"],",{"x":[1,2,3,4]},[5,6]]`, want: `["a,b","]","\"],",{"x":[1,2,3,4]},[5,6]]`, limit: 5},
		{name: "too many elements", body: `["a,b","]","\"],",{"x":[1,2,3,4]},[5,6]]`, limit: 4, wantErr: ErrTooManyItems},
		{name: "wrapped page", body: `{"total_count":"3","runners":[{},{}],"labels":[1,2,3],"x":{"y":[1,2,3,4,5]}}`, want: `{"total_count":"3","runners":[{},{}],"labels":[1,2,3],"x":{"y":[1,2,3,4,5]}}`, limit: 3},
		{name: "wrapped page, too many", body: `{"runners":[{},{}],"labels":[1,2,3]}`, limit: 2, wantErr: ErrTooManyItems},
		{name: "white space only", body: " \r\n\t", limit: 1, wantErr: io.EOF},
		{name: "empty", body: "", limit: 1, wantErr: io.EOF},
		{name: "null", body: "null ", want: "null ", limit: 0},
		{name: "string", body: `"[1,2]" x`, want: `"[1,2]"`, limit: 0},
		{name: "cut short", body: `[1,2`, want: `[1,2`, limit: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, cl := range []int64{-1, int64(len(tt.body))} {
				br := &bodyReader{r: strings.NewReader(tt.body), n: maxSuccessBody + 1}
				got, err := readList(br, cl, tt.limit)
				if tt.wantErr != nil {
					require.ErrorIs(t, err, tt.wantErr)
					continue
				}
				require.NoError(t, err)
				assert.Equal(t, tt.want, string(got))
			}
		})
	}
}

// errReader fails every read: a body must not be read past the element
// that breaks the limit.
type errReader struct{ t *testing.T }

func (r errReader) Read([]byte) (int, error) {
	r.t.Error("the body was read past the element over the limit")
	return 0, errors.New("read past the limit")
}

func TestReadListStopsAtTheLimit(t *testing.T) {
	const limit = 100
	// limit elements and the comma after them: accepted so far, the
	// element after the comma is the one over the limit.
	head := "[" + strings.Repeat("1,", limit)
	r := io.MultiReader(strings.NewReader(head+"1"), errReader{t})
	br := &bodyReader{r: r, n: maxSuccessBody + 1}
	_, err := readList(br, -1, limit)
	require.ErrorIs(t, err, ErrTooManyItems)

	// Exactly limit elements are read whole.
	body := head[:len(head)-1] + "]"
	br = &bodyReader{r: strings.NewReader(body), n: maxSuccessBody + 1}
	got, err := readList(br, int64(len(body)), limit)
	require.NoError(t, err)
	assert.Equal(t, body, string(got))
}

// A body cut by the connection in the middle of a list is reported as cut
// (retryable), not as a reply that is not JSON.
func TestListBodyCutReportsCut(t *testing.T) {
	req, err := http.NewRequest(http.MethodGet, "https://ghe.example.com/api/v3/admin/keys", nil)
	require.NoError(t, err)
	body := io.MultiReader(strings.NewReader(`[{"id":1},{"id"`), iotestErr{})
	resp := &http.Response{StatusCode: 200, Body: io.NopCloser(body), ContentLength: -1}
	out := listOut[listElem]{limit: MaxPerPage}
	cut, err := decodeBody(resp, &out, req)
	require.Error(t, err)
	assert.True(t, cut, "cut")
	var de *DecodeError
	assert.False(t, errors.As(err, &de), "a cut body is not a DecodeError: %v", err)
}

type iotestErr struct{}

func (iotestErr) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

// An object reply is read into one buffer and decoded once: bytes after the
// value are ignored (as a streaming decoder ignores them), white space only
// is an empty reply, a scalar of another type is converted, and a body that
// cannot start a JSON value is refused.
func TestObjectDecodingBuffered(t *testing.T) {
	req, err := http.NewRequest(http.MethodGet, "https://ghe.example.com/api/v3/enterprise/stats/all", nil)
	require.NoError(t, err)
	decode := func(body io.Reader) (listElem, bool, error) {
		var v listElem
		cut, err := decodeBody(&http.Response{StatusCode: 200, Body: io.NopCloser(body), ContentLength: -1}, &lenientTarget{v: &v}, req)
		return v, cut, err
	}
	v, _, err := decode(strings.NewReader(` {"id":1,"name":"a"} trailing`))
	require.NoError(t, err)
	assert.Equal(t, listElem{ID: 1, Name: "a"}, v)

	v, _, err = decode(strings.NewReader(" \n\t"))
	require.NoError(t, err)
	assert.Equal(t, listElem{}, v)

	v, _, err = decode(strings.NewReader(`{"id":"2","name":3,"active":"true"} {"x":1}`))
	require.NoError(t, err)
	assert.Equal(t, listElem{ID: 2, Name: "3", Active: true}, v)

	// A value that cannot be converted is unread, kept on the target.
	var u listElem
	target := &lenientTarget{v: &u}
	_, err = decodeBody(&http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(`{"id":{"a":1},"name":"n"}`)), ContentLength: -1}, target, req)
	require.NoError(t, err)
	assert.Equal(t, listElem{Name: "n"}, u)
	assert.Equal(t, []UnreadValue{{Path: "id", Value: json.RawMessage(`{"a":1}`)}}, target.unread)

	var de *DecodeError

	_, cut, err := decode(strings.NewReader("\n<html><body>proxy error"))
	require.ErrorAs(t, err, &de)
	assert.False(t, cut)

	_, cut, err = decode(io.MultiReader(strings.NewReader(`{"id":1,"na`), iotestErr{}))
	require.Error(t, err)
	assert.True(t, cut, "a body cut by the connection is reported as cut: %v", err)
}

// An object reply costs no more allocations than decoding it with a plain
// json.Decoder, but for the lenientTarget (before: the decoder, then
// json.Unmarshal again inside lenientTarget.UnmarshalJSON).
func TestObjectDecodingAllocatesAsPlainDecoding(t *testing.T) {
	body := listBody(1)
	body = body[1 : len(body)-1] // one object
	req, err := http.NewRequest(http.MethodGet, "https://ghe.example.com/api/v3/enterprise/stats/all", nil)
	require.NoError(t, err)
	plain := testing.AllocsPerRun(50, func() {
		var v listElem
		if err := json.NewDecoder(cannedResponse(body, true).Body).Decode(&v); err != nil || v.ID != 1 {
			t.Fatalf("plain decoding: %v", err)
		}
	})
	sdk := testing.AllocsPerRun(50, func() {
		var v listElem
		if _, err := decodeBody(cannedResponse(body, true), &lenientTarget{v: &v}, req); err != nil || v.ID != 1 {
			t.Fatalf("decodeBody: %v", err)
		}
	})
	t.Logf("allocations: json.Decoder %.0f, decodeBody %.0f", plain, sdk)
	// +1: the lenientTarget itself (the bodyReader and the buffer stand
	// for the json.Decoder and its buffer).
	assert.LessOrEqual(t, sdk, plain+1, "allocations of an object reply")
}

// readList counts what encoding/json counts, on every JSON fixture of
// testdata/: the elements of a top-level array, or the most elements of an
// array that is a member of a top-level object; one element fewer is
// refused. The value it returns is the fixture's value.
func TestReadListCountsFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var doc any
		if json.Unmarshal(data, &doc) != nil {
			continue // not JSON (a fixture of a broken reply)
		}
		want := 0
		switch d := doc.(type) {
		case []any:
			want = len(d)
		case map[string]any:
			for _, v := range d {
				if a, ok := v.([]any); ok {
					want = max(want, len(a))
				}
			}
		}
		for _, cl := range []int64{-1, int64(len(data))} {
			br := &bodyReader{r: bytes.NewReader(data), n: maxSuccessBody + 1}
			got, err := readList(br, cl, want)
			require.NoError(t, err, f)
			var back any
			require.NoError(t, json.Unmarshal(got, &back), f)
			assert.Equal(t, doc, back, f)
			if want > 0 {
				br = &bodyReader{r: bytes.NewReader(data), n: maxSuccessBody + 1}
				_, err = readList(br, cl, want-1)
				assert.ErrorIs(t, err, ErrTooManyItems, "%s with a limit of %d", f, want-1)
			}
		}
		checked++
	}
	t.Logf("%d fixtures checked", checked)
}
