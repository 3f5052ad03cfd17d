package ghesadmin

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/nacl/box"
)

const streamsPath = "/enterprises/" + acmeCorpEscaped + "/audit-log/streams"

// splunkStream is testdata/auditlog/stream.json decoded.
func splunkStream(t *testing.T) AuditLogStream {
	return AuditLogStream{
		ID:            11,
		StreamType:    StreamSplunk,
		StreamDetails: "splunk.example.com:8088",
		Enabled:       true,
		CreatedAt:     mustTime(t, "2026-01-02T03:04:05Z"),
		UpdatedAt:     mustTime(t, "2026-02-03T04:05:06Z"),
		PausedAt:      Ptr(mustTime(t, "2026-03-04T05:06:07Z")),
	}
}

// TestAuditLogStreamsReads: the three reads, each reply covering every
// documented property.
func TestAuditLogStreamsReads(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		path    string
		fixture string
		typ     any
		run     func(c *Client) (any, *Response, error)
		want    func(t *testing.T) any
	}{
		{
			path: "/enterprises/" + acmeCorpEscaped + "/audit-log/stream-key", fixture: "auditlog/stream_key.json", typ: AuditLogStreamKey{},
			run: func(c *Client) (any, *Response, error) { return deref(c.AuditLog.GetStreamKey(ctx, acmeCorp)) },
			want: func(*testing.T) any {
				return AuditLogStreamKey{KeyID: "012345678912345678", Key: "2Sg8iYjAxxmI2LvUXpJjkYrMxURPc8r+dB7TJyvv1234"}
			},
		},
		{
			path: streamsPath, fixture: "auditlog/streams.json", typ: []*AuditLogStream{},
			run: func(c *Client) (any, *Response, error) { return c.AuditLog.ListStreams(ctx, acmeCorp) },
			want: func(t *testing.T) any {
				s := splunkStream(t)
				return []*AuditLogStream{&s, {ID: 12, StreamType: StreamAzureBlobStorage, StreamDetails: "audit-container",
					CreatedAt: mustTime(t, "2026-01-05T00:00:00Z"), UpdatedAt: mustTime(t, "2026-01-06T00:00:00Z")}}
			},
		},
		{
			path: streamsPath + "/11", fixture: "auditlog/stream.json", typ: AuditLogStream{},
			run:  func(c *Client) (any, *Response, error) { return deref(c.AuditLog.GetStream(ctx, acmeCorp, 11)) },
			want: func(t *testing.T) any { return splunkStream(t) },
		},
	} {
		t.Run(tc.path, func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodGet, Path: tc.path, Reply: tc.fixture})
			got, resp, err := tc.run(env.Client)
			requireStatus(t, resp, err, http.StatusOK)
			assertFields(t, "reply", got, tc.want(t))
			assertCoversFixture(t, tc.fixture, tc.typ)
		})
	}
}

// streamConfigs are one configuration of every destination, every field
// set, and the vendor_specific JSON GHES must receive for it.
var streamConfigs = []struct {
	config StreamVendorConfig
	typ    string
	json   string
}{
	{&AzureBlobStreamConfig{KeyID: "k1", EncryptedSASURL: "c2FzLXVybA==", Container: "audit"},
		"Azure Blob Storage", `{"key_id":"k1","encrypted_sas_url":"c2FzLXVybA==","container":"audit"}`},
	{&AzureHubStreamConfig{Name: "hub-1", EncryptedConnstring: "Y29ubg==", KeyID: "k1"},
		"Azure Event Hubs", `{"name":"hub-1","encrypted_connstring":"Y29ubg==","key_id":"k1"}`},
	{&AmazonS3OIDCStreamConfig{Bucket: "audit-bucket", Region: "eu-west-1", KeyID: "k1", ARNRole: "arn:aws:iam::123456789012:role/ghes"},
		"Amazon S3", `{"bucket":"audit-bucket","region":"eu-west-1","key_id":"k1","arn_role":"arn:aws:iam::123456789012:role/ghes","authentication_type":"oidc"}`},
	{&AmazonS3AccessKeysStreamConfig{Bucket: "audit-bucket", Region: "us-east-2", KeyID: "k1", EncryptedSecretKey: "c2VjcmV0", EncryptedAccessKeyID: "YWtpZA=="},
		"Amazon S3", `{"bucket":"audit-bucket","region":"us-east-2","key_id":"k1","encrypted_secret_key":"c2VjcmV0","encrypted_access_key_id":"YWtpZA==","authentication_type":"access_keys"}`},
	{&SplunkStreamConfig{Domain: "splunk.example.com", Port: 8088, KeyID: "k1", EncryptedToken: "dG9rZW4=", SSLVerify: true},
		"Splunk", `{"domain":"splunk.example.com","port":8088,"key_id":"k1","encrypted_token":"dG9rZW4=","ssl_verify":true}`},
	{&HECStreamConfig{Domain: "hec.example.com", Port: 443, KeyID: "k1", EncryptedToken: "dG9rZW4=", Path: "/services/collector", SSLVerify: false},
		"HTTPS Event Collector", `{"domain":"hec.example.com","port":443,"key_id":"k1","encrypted_token":"dG9rZW4=","path":"/services/collector","ssl_verify":false}`},
	{&GoogleCloudStreamConfig{Bucket: "gcs-audit", KeyID: "k1", EncryptedJSONCredentials: "eyJ0eXBlIjoic2EifQ=="},
		"Google Cloud Storage", `{"bucket":"gcs-audit","key_id":"k1","encrypted_json_credentials":"eyJ0eXBlIjoic2EifQ=="}`},
	{&DatadogStreamConfig{EncryptedToken: "ZGQ=", Site: DatadogUS1FED, KeyID: "k1"},
		"Datadog", `{"encrypted_token":"ZGQ=","site":"US1-FED","key_id":"k1"}`},
}

// TestAuditLogStreamsWrites: CreateStream and UpdateStream send the exact
// body of every destination (enabled on and off) and decode the stream.
func TestAuditLogStreamsWrites(t *testing.T) {
	ctx := context.Background()
	for i, sc := range streamConfigs {
		enabled := i%2 == 0
		body := fmt.Sprintf(`{"enabled":%v,"stream_type":%q,"vendor_specific":%s}`, enabled, sc.typ, sc.json)
		req := AuditLogStreamRequest{Enabled: enabled, VendorSpecific: sc.config}
		for _, w := range []struct {
			method, path string
			run          func(c *Client) (*AuditLogStream, *Response, error)
		}{
			{http.MethodPost, streamsPath, func(c *Client) (*AuditLogStream, *Response, error) {
				return c.AuditLog.CreateStream(ctx, acmeCorp, req)
			}},
			{http.MethodPut, streamsPath + "/11", func(c *Client) (*AuditLogStream, *Response, error) {
				return c.AuditLog.UpdateStream(ctx, acmeCorp, 11, req)
			}},
		} {
			t.Run(w.method+" "+sc.typ, func(t *testing.T) {
				env := mock(t)
				env.expect(t, call{Method: w.method, Path: w.path, JSON: body, Reply: "auditlog/stream.json"})
				got, resp, err := w.run(env.Client)
				requireStatus(t, resp, err, http.StatusOK)
				assertFields(t, "stream", *got, splunkStream(t))
			})
		}
	}
	assertCoversFixture(t, "auditlog/stream.json", AuditLogStream{})
}

func TestAuditLogStreamsDelete(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: streamsPath + "/11", Status: http.StatusNoContent})
	resp, err := env.Client.AuditLog.DeleteStream(context.Background(), acmeCorp, 11)
	requireStatus(t, resp, err, http.StatusNoContent)
}

// TestAuditLogStreamsErrors: the documented 422 of UpdateStream is a
// ValidationError; a stream or enterprise that is not there is ErrNotFound.
func TestAuditLogStreamsErrors(t *testing.T) {
	ctx := context.Background()
	env := mock(t)
	env.expect(t, call{Method: http.MethodPut, Path: streamsPath + "/11", JSON: `{"enabled":true,"stream_type":"Datadog","vendor_specific":{"encrypted_token":"ZGQ=","site":"US","key_id":"stale"}}`,
		Status: http.StatusUnprocessableEntity, ReplyJSON: `{"message":"Validation Failed","errors":[{"resource":"AuditLogStream","code":"invalid","field":"key_id","message":"key_id does not match the current key"}],"documentation_url":"https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log"}`})
	notFound := `{"message":"Not Found","documentation_url":"https://docs.github.com/enterprise-server@3.19/rest"}`
	env.expect(t, call{Method: http.MethodGet, Path: streamsPath + "/99", Status: http.StatusNotFound, ReplyJSON: notFound})
	env.expect(t, call{Method: http.MethodDelete, Path: streamsPath + "/99", Status: http.StatusNotFound, ReplyJSON: notFound})
	env.expect(t, call{Method: http.MethodGet, Path: streamsPath, Status: http.StatusNotFound, ReplyJSON: notFound})

	_, resp, err := env.Client.AuditLog.UpdateStream(ctx, acmeCorp, 11, AuditLogStreamRequest{Enabled: true,
		VendorSpecific: &DatadogStreamConfig{EncryptedToken: "ZGQ=", Site: DatadogUS, KeyID: "stale"}})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	assert.Equal(t, "Validation Failed", ve.Message)
	assert.Equal(t, []FieldError{{Resource: "AuditLogStream", Code: "invalid", Field: "key_id", Message: "key_id does not match the current key"}}, ve.Errors)

	stream, _, err := env.Client.AuditLog.GetStream(ctx, acmeCorp, 99)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Nil(t, stream)
	_, err = env.Client.AuditLog.DeleteStream(ctx, acmeCorp, 99)
	assert.ErrorIs(t, err, ErrNotFound)
	streams, _, err := env.Client.AuditLog.ListStreams(ctx, acmeCorp)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Nil(t, streams)
}

// TestAuditLogStreamsRefuseBadInput: nothing is sent (the mock has no
// expectation) and the error names the method and the field.
func TestAuditLogStreamsRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	good := AuditLogStreamRequest{VendorSpecific: &DatadogStreamConfig{EncryptedToken: "t", Site: DatadogEU1, KeyID: "k"}}
	type result struct {
		resp *Response
		err  error
	}
	write := func(body AuditLogStreamRequest) []func(c *Client) (string, result) {
		return []func(c *Client) (string, result){
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.CreateStream(ctx, "e", body)
				return "AuditLog.CreateStream", result{resp, err}
			},
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.UpdateStream(ctx, "e", 1, body)
				return "AuditLog.UpdateStream", result{resp, err}
			},
		}
	}
	cases := map[string][]func(c *Client) (string, result){
		"enterprise": {
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.GetStreamKey(ctx, "")
				return "AuditLog.GetStreamKey", result{resp, err}
			},
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.ListStreams(ctx, "")
				return "AuditLog.ListStreams", result{resp, err}
			},
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.CreateStream(ctx, "", good)
				return "AuditLog.CreateStream", result{resp, err}
			},
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.GetStream(ctx, "", 1)
				return "AuditLog.GetStream", result{resp, err}
			},
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.UpdateStream(ctx, "", 1, good)
				return "AuditLog.UpdateStream", result{resp, err}
			},
			func(c *Client) (string, result) {
				resp, err := c.AuditLog.DeleteStream(ctx, "", 1)
				return "AuditLog.DeleteStream", result{resp, err}
			},
		},
		"stream_id": {
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.GetStream(ctx, "e", 0)
				return "AuditLog.GetStream", result{resp, err}
			},
			func(c *Client) (string, result) {
				_, resp, err := c.AuditLog.UpdateStream(ctx, "e", -1, good)
				return "AuditLog.UpdateStream", result{resp, err}
			},
			func(c *Client) (string, result) {
				resp, err := c.AuditLog.DeleteStream(ctx, "e", 0)
				return "AuditLog.DeleteStream", result{resp, err}
			},
		},
		"AuditLogStreamRequest.VendorSpecific":             write(AuditLogStreamRequest{}),
		"nil pointer VendorSpecific":                       write(AuditLogStreamRequest{VendorSpecific: (*SplunkStreamConfig)(nil)}),
		"SplunkStreamConfig.Port":                          write(AuditLogStreamRequest{VendorSpecific: &SplunkStreamConfig{Domain: "d", KeyID: "k", EncryptedToken: "t"}}),
		"HECStreamConfig.Path":                             write(AuditLogStreamRequest{VendorSpecific: &HECStreamConfig{Domain: "d", Port: 443, KeyID: "k", EncryptedToken: "t"}}),
		"HECStreamConfig.Port":                             write(AuditLogStreamRequest{VendorSpecific: &HECStreamConfig{Domain: "d", Port: 65536, KeyID: "k", EncryptedToken: "t", Path: "/p"}}),
		"DatadogStreamConfig.Site":                         write(AuditLogStreamRequest{VendorSpecific: &DatadogStreamConfig{EncryptedToken: "t", KeyID: "k", Site: "MARS"}}),
		"AzureBlobStreamConfig.Container":                  write(AuditLogStreamRequest{VendorSpecific: &AzureBlobStreamConfig{KeyID: "k", EncryptedSASURL: "u"}}),
		"AzureHubStreamConfig.EncryptedConnstring":         write(AuditLogStreamRequest{VendorSpecific: &AzureHubStreamConfig{Name: "n", KeyID: "k"}}),
		"GoogleCloudStreamConfig.EncryptedJSONCredentials": write(AuditLogStreamRequest{VendorSpecific: &GoogleCloudStreamConfig{Bucket: "b", KeyID: "k"}}),
		"AmazonS3OIDCStreamConfig.ARNRole":                 write(AuditLogStreamRequest{VendorSpecific: &AmazonS3OIDCStreamConfig{Bucket: "b", Region: "r", KeyID: "k"}}),
		"AmazonS3AccessKeysStreamConfig.KeyID":             write(AuditLogStreamRequest{VendorSpecific: &AmazonS3AccessKeysStreamConfig{Bucket: "b", Region: "r", EncryptedSecretKey: "s", EncryptedAccessKeyID: "a"}}),
	}
	for field, calls := range cases {
		for _, run := range calls {
			env := mock(t)
			method, r := run(env.Client)
			assert.Nil(t, r.resp, "%s %s", method, field)
			require.ErrorIs(t, r.err, ErrInvalidArgument, "%s %s", method, field)
			assert.Contains(t, r.err.Error(), method, field)
			want := field
			if field == "nil pointer VendorSpecific" {
				want = "AuditLogStreamRequest.VendorSpecific"
			}
			assert.Contains(t, r.err.Error(), want, method)
		}
	}
}

func TestStreamSecretSealAndRedaction(t *testing.T) {
	pub, priv, err := box.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key := &AuditLogStreamKey{KeyID: "k1", Key: base64.StdEncoding.EncodeToString(pub[:])}
	const plain = "splunk-hec-token-123"
	sealed, err := key.Seal(plain)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil {
		t.Fatal(err)
	}
	opened, ok := box.OpenAnonymous(nil, raw, pub, priv)
	if !ok || string(opened) != plain {
		t.Fatalf("the sealed box does not open to the secret (%q, %v)", opened, ok)
	}
	if strings.Contains(sealed, plain) {
		t.Error("the sealed value contains the secret")
	}
	secret := StreamSecret(plain)
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "secret", secret)
	j, _ := json.Marshal(struct{ S StreamSecret }{secret})
	for _, s := range []string{fmt.Sprint(secret), fmt.Sprintf("%v|%+v|%#v|%s|%q|%x", secret, secret, secret, secret, secret, secret), secret.String(), logs.String(), string(j)} {
		if strings.Contains(s, plain) || strings.Contains(s, fmt.Sprintf("%x", plain)) {
			t.Errorf("the secret printed: %s", s)
		}
	}
	for _, bad := range []*AuditLogStreamKey{{Key: "not base64!"}, {Key: base64.StdEncoding.EncodeToString([]byte("short"))}} {
		_, err := bad.Seal(secret)
		if !errors.Is(err, ErrBadStreamKey) || strings.Contains(err.Error(), plain) {
			t.Errorf("bad key: %v", err)
		}
	}
	if _, err := key.Seal(""); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("empty secret: %v", err)
	}
}
