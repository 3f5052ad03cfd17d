package ghesadmin

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"golang.org/x/crypto/nacl/box"
)

// AuditLogStreamKey is the enterprise's public key for encrypting the
// secrets of a stream configuration (GET …/audit-log/stream-key).
type AuditLogStreamKey struct {
	// KeyID names the key; stream configurations send it as key_id.
	KeyID string `json:"key_id"`
	// Key is the Base64 encoded Curve25519 public key.
	Key string `json:"key"`
}

// StreamSecret is a plain secret of an audit-log stream (a Splunk or
// Datadog token, an Azure connection string, an S3 secret key, …). It
// never prints: String, GoString, every fmt verb, slog and JSON show
// [REDACTED]. Seal it with AuditLogStreamKey.Seal before sending.
type StreamSecret string

// String never shows the secret.
func (StreamSecret) String() string { return redacted }

// GoString never shows the secret.
func (StreamSecret) GoString() string { return redacted }

// Format makes every fmt verb print [REDACTED].
func (StreamSecret) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, redacted) }

// LogValue makes slog print [REDACTED].
func (StreamSecret) LogValue() slog.Value { return slog.StringValue(redacted) }

// MarshalJSON encodes [REDACTED], so that a plain secret never reaches a
// request body or a JSON log by mistake.
func (StreamSecret) MarshalJSON() ([]byte, error) { return json.Marshal(redacted) }

// ErrBadStreamKey is returned by AuditLogStreamKey.Seal when the key is not
// a Base64 encoded 32-byte public key.
var ErrBadStreamKey = errors.New("ghesadmin: the audit log stream key is not a Base64 encoded 32-byte public key")

// Seal encrypts secret as GHES documents for stream configurations: an
// anonymous sealed box (libsodium crypto_box_seal, here
// golang.org/x/crypto/nacl/box.SealAnonymous) for the enterprise's public
// key, Base64 encoded. The result goes in the Encrypted… field of a stream
// configuration, with k.KeyID as its KeyID. Errors never contain the
// secret.
func (k *AuditLogStreamKey) Seal(secret StreamSecret) (string, error) {
	if k == nil {
		return "", fmt.Errorf("%w: AuditLogStreamKey.Seal: the key is nil", ErrInvalidArgument)
	}
	if secret == "" {
		return "", fmt.Errorf("%w: AuditLogStreamKey.Seal: the secret is empty", ErrInvalidArgument)
	}
	raw, err := base64.StdEncoding.DecodeString(k.Key)
	if err != nil || len(raw) != 32 {
		return "", ErrBadStreamKey
	}
	var pub [32]byte
	copy(pub[:], raw)
	sealed, err := box.SealAnonymous(nil, []byte(secret), &pub, rand.Reader)
	if err != nil {
		return "", fmt.Errorf("ghesadmin: sealing the stream secret: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sealed), nil
}

// AuditLogStreamType is the kind of an audit-log stream's destination.
type AuditLogStreamType string

// The destinations GHES documents.
const (
	StreamAzureBlobStorage    AuditLogStreamType = "Azure Blob Storage"
	StreamAzureEventHubs      AuditLogStreamType = "Azure Event Hubs"
	StreamAmazonS3            AuditLogStreamType = "Amazon S3"
	StreamSplunk              AuditLogStreamType = "Splunk"
	StreamHTTPSEventCollector AuditLogStreamType = "HTTPS Event Collector"
	StreamGoogleCloudStorage  AuditLogStreamType = "Google Cloud Storage"
	StreamDatadog             AuditLogStreamType = "Datadog"
)

// AuditLogStream is an audit-log streaming configuration as GHES returns it.
type AuditLogStream struct {
	ID int64 `json:"id"`
	// StreamType is the destination kind; values GHES adds are kept.
	StreamType AuditLogStreamType `json:"stream_type"`
	// StreamDetails is a short description of the destination.
	StreamDetails string    `json:"stream_details"`
	Enabled       bool      `json:"enabled"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
	// PausedAt is when the stream was paused, nil when it is not.
	PausedAt *time.Time `json:"paused_at"`
}

// StreamVendorConfig is the vendor_specific part of a stream configuration:
// one of *AzureBlobStreamConfig, *AzureHubStreamConfig,
// *AmazonS3OIDCStreamConfig, *AmazonS3AccessKeysStreamConfig,
// *SplunkStreamConfig, *HECStreamConfig, *GoogleCloudStreamConfig and
// *DatadogStreamConfig. Their Encrypted… fields hold secrets sealed with
// AuditLogStreamKey.Seal.
type StreamVendorConfig interface {
	streamType() AuditLogStreamType
	validate(method string) error
}

// AzureBlobStreamConfig streams to Azure Blob Storage.
type AzureBlobStreamConfig struct {
	KeyID           string `json:"key_id"`
	EncryptedSASURL string `json:"encrypted_sas_url"`
	Container       string `json:"container"`
}

// AzureHubStreamConfig streams to Azure Event Hubs.
type AzureHubStreamConfig struct {
	Name                string `json:"name"`
	EncryptedConnstring string `json:"encrypted_connstring"`
	KeyID               string `json:"key_id"`
}

// AmazonS3OIDCStreamConfig streams to Amazon S3 with OpenID Connect
// (authentication_type "oidc", sent by the SDK).
type AmazonS3OIDCStreamConfig struct {
	Bucket  string `json:"bucket"`
	Region  string `json:"region"`
	KeyID   string `json:"key_id"`
	ARNRole string `json:"arn_role"`
}

// AmazonS3AccessKeysStreamConfig streams to Amazon S3 with access keys
// (authentication_type "access_keys", sent by the SDK).
type AmazonS3AccessKeysStreamConfig struct {
	Bucket               string `json:"bucket"`
	Region               string `json:"region"`
	KeyID                string `json:"key_id"`
	EncryptedSecretKey   string `json:"encrypted_secret_key"`
	EncryptedAccessKeyID string `json:"encrypted_access_key_id"`
}

// SplunkStreamConfig streams to Splunk.
type SplunkStreamConfig struct {
	Domain         string `json:"domain"`
	Port           int    `json:"port"`
	KeyID          string `json:"key_id"`
	EncryptedToken string `json:"encrypted_token"`
	SSLVerify      bool   `json:"ssl_verify"`
}

// HECStreamConfig streams to an HTTPS Event Collector.
type HECStreamConfig struct {
	Domain         string `json:"domain"`
	Port           int    `json:"port"`
	KeyID          string `json:"key_id"`
	EncryptedToken string `json:"encrypted_token"`
	Path           string `json:"path"`
	SSLVerify      bool   `json:"ssl_verify"`
}

// GoogleCloudStreamConfig streams to Google Cloud Storage.
type GoogleCloudStreamConfig struct {
	Bucket                   string `json:"bucket"`
	KeyID                    string `json:"key_id"`
	EncryptedJSONCredentials string `json:"encrypted_json_credentials"`
}

// DatadogSite is a Datadog site.
type DatadogSite string

// The Datadog sites GHES documents.
const (
	DatadogUS     DatadogSite = "US"
	DatadogUS3    DatadogSite = "US3"
	DatadogUS5    DatadogSite = "US5"
	DatadogEU1    DatadogSite = "EU1"
	DatadogUS1FED DatadogSite = "US1-FED"
	DatadogAP1    DatadogSite = "AP1"
)

// DatadogStreamConfig streams to Datadog.
type DatadogStreamConfig struct {
	EncryptedToken string      `json:"encrypted_token"`
	Site           DatadogSite `json:"site"`
	KeyID          string      `json:"key_id"`
}

func (*AzureBlobStreamConfig) streamType() AuditLogStreamType          { return StreamAzureBlobStorage }
func (*AzureHubStreamConfig) streamType() AuditLogStreamType           { return StreamAzureEventHubs }
func (*AmazonS3OIDCStreamConfig) streamType() AuditLogStreamType       { return StreamAmazonS3 }
func (*AmazonS3AccessKeysStreamConfig) streamType() AuditLogStreamType { return StreamAmazonS3 }
func (*SplunkStreamConfig) streamType() AuditLogStreamType             { return StreamSplunk }
func (*HECStreamConfig) streamType() AuditLogStreamType                { return StreamHTTPSEventCollector }
func (*GoogleCloudStreamConfig) streamType() AuditLogStreamType        { return StreamGoogleCloudStorage }
func (*DatadogStreamConfig) streamType() AuditLogStreamType            { return StreamDatadog }

// required checks that every named value is non-empty.
func required(method, typ string, fields ...string) error {
	for i := 0; i+1 < len(fields); i += 2 {
		if fields[i+1] == "" {
			return fmt.Errorf("%w: %s: %s.%s is empty", ErrInvalidArgument, method, typ, fields[i])
		}
	}
	return nil
}

func checkPort(method, typ string, port int) error {
	if port < 1 || port > 65535 {
		return fmt.Errorf("%w: %s: %s.Port is %d; it must be between 1 and 65535", ErrInvalidArgument, method, typ, port)
	}
	return nil
}

func (c *AzureBlobStreamConfig) validate(method string) error {
	return required(method, "AzureBlobStreamConfig", "KeyID", c.KeyID, "EncryptedSASURL", c.EncryptedSASURL, "Container", c.Container)
}

func (c *AzureHubStreamConfig) validate(method string) error {
	return required(method, "AzureHubStreamConfig", "Name", c.Name, "EncryptedConnstring", c.EncryptedConnstring, "KeyID", c.KeyID)
}

func (c *AmazonS3OIDCStreamConfig) validate(method string) error {
	return required(method, "AmazonS3OIDCStreamConfig", "Bucket", c.Bucket, "Region", c.Region, "KeyID", c.KeyID, "ARNRole", c.ARNRole)
}

func (c *AmazonS3AccessKeysStreamConfig) validate(method string) error {
	return required(method, "AmazonS3AccessKeysStreamConfig", "Bucket", c.Bucket, "Region", c.Region, "KeyID", c.KeyID,
		"EncryptedSecretKey", c.EncryptedSecretKey, "EncryptedAccessKeyID", c.EncryptedAccessKeyID)
}

func (c *SplunkStreamConfig) validate(method string) error {
	if err := required(method, "SplunkStreamConfig", "Domain", c.Domain, "KeyID", c.KeyID, "EncryptedToken", c.EncryptedToken); err != nil {
		return err
	}
	return checkPort(method, "SplunkStreamConfig", c.Port)
}

func (c *HECStreamConfig) validate(method string) error {
	if err := required(method, "HECStreamConfig", "Domain", c.Domain, "KeyID", c.KeyID, "EncryptedToken", c.EncryptedToken, "Path", c.Path); err != nil {
		return err
	}
	return checkPort(method, "HECStreamConfig", c.Port)
}

func (c *GoogleCloudStreamConfig) validate(method string) error {
	return required(method, "GoogleCloudStreamConfig", "Bucket", c.Bucket, "KeyID", c.KeyID, "EncryptedJSONCredentials", c.EncryptedJSONCredentials)
}

func (c *DatadogStreamConfig) validate(method string) error {
	if err := required(method, "DatadogStreamConfig", "EncryptedToken", c.EncryptedToken, "KeyID", c.KeyID); err != nil {
		return err
	}
	switch c.Site {
	case DatadogUS, DatadogUS3, DatadogUS5, DatadogEU1, DatadogUS1FED, DatadogAP1:
		return nil
	}
	return fmt.Errorf("%w: %s: DatadogStreamConfig.Site is %q; it must be one of US, US3, US5, EU1, US1-FED, AP1", ErrInvalidArgument, method, c.Site)
}

// MarshalJSON adds authentication_type "oidc".
func (c AmazonS3OIDCStreamConfig) MarshalJSON() ([]byte, error) {
	type fields AmazonS3OIDCStreamConfig
	return json.Marshal(struct {
		fields
		AuthenticationType string `json:"authentication_type"`
	}{fields(c), "oidc"})
}

// MarshalJSON adds authentication_type "access_keys".
func (c AmazonS3AccessKeysStreamConfig) MarshalJSON() ([]byte, error) {
	type fields AmazonS3AccessKeysStreamConfig
	return json.Marshal(struct {
		fields
		AuthenticationType string `json:"authentication_type"`
	}{fields(c), "access_keys"})
}

// AuditLogStreamRequest creates or replaces a stream configuration. The
// stream type is the one of VendorSpecific.
type AuditLogStreamRequest struct {
	// Enabled turns the stream on.
	Enabled bool `json:"enabled"`
	// VendorSpecific is the destination and its sealed secrets.
	VendorSpecific StreamVendorConfig `json:"vendor_specific"`
}

// MarshalJSON sends enabled, stream_type (from VendorSpecific) and
// vendor_specific.
func (r AuditLogStreamRequest) MarshalJSON() ([]byte, error) {
	var typ AuditLogStreamType
	if r.VendorSpecific != nil {
		typ = r.VendorSpecific.streamType()
	}
	return json.Marshal(struct {
		Enabled        bool               `json:"enabled"`
		StreamType     AuditLogStreamType `json:"stream_type"`
		VendorSpecific StreamVendorConfig `json:"vendor_specific"`
	}{r.Enabled, typ, r.VendorSpecific})
}

func (r AuditLogStreamRequest) check(method string) error {
	if r.VendorSpecific == nil || isNilPointer(r.VendorSpecific) {
		return fmt.Errorf("%w: %s: AuditLogStreamRequest.VendorSpecific is nil; give one of the …StreamConfig types", ErrInvalidArgument, method)
	}
	return r.VendorSpecific.validate(method)
}

// GetStreamKey returns the enterprise's public key for sealing stream
// secrets (see AuditLogStreamKey.Seal).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#get-the-audit-log-stream-key-for-encrypting-secrets
//
// GHES API: GET /enterprises/{enterprise}/audit-log/stream-key (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/audit-log/stream-key
func (s *AuditLogService) GetStreamKey(ctx context.Context, enterprise string) (*AuditLogStreamKey, *Response, error) {
	return fetch[AuditLogStreamKey](ctx, s.backend, &request{op: "AuditLog.GetStreamKey", method: http.MethodGet, path: "enterprises/{enterprise}/audit-log/stream-key", args: []any{enterprise}})
}

// ListStreams returns the enterprise's stream configurations.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#list-audit-log-stream-configurations-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/audit-log/streams (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/audit-log/streams
func (s *AuditLogService) ListStreams(ctx context.Context, enterprise string) ([]*AuditLogStream, *Response, error) {
	return fetchSlice[*AuditLogStream](ctx, s.backend, &request{op: "AuditLog.ListStreams", method: http.MethodGet, path: "enterprises/{enterprise}/audit-log/streams", args: []any{enterprise}})
}

// CreateStream creates a stream configuration. Seal its secrets with the
// key of GetStreamKey first.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#create-an-audit-log-streaming-configuration-for-an-enterprise
//
// GHES API: POST /enterprises/{enterprise}/audit-log/streams (GHES 3.16 and later).
//
//meta:operation POST /enterprises/{enterprise}/audit-log/streams
func (s *AuditLogService) CreateStream(ctx context.Context, enterprise string, body AuditLogStreamRequest) (*AuditLogStream, *Response, error) {
	return fetch[AuditLogStream](ctx, s.backend, &request{op: "AuditLog.CreateStream", method: http.MethodPost, path: "enterprises/{enterprise}/audit-log/streams", args: []any{enterprise}, json: body})
}

// GetStream returns one stream configuration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#list-one-audit-log-streaming-configuration-via-a-stream-id
//
// GHES API: GET /enterprises/{enterprise}/audit-log/streams/{stream_id} (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/audit-log/streams/{stream_id}
func (s *AuditLogService) GetStream(ctx context.Context, enterprise string, streamID int64) (*AuditLogStream, *Response, error) {
	return fetch[AuditLogStream](ctx, s.backend, &request{op: "AuditLog.GetStream", method: http.MethodGet, path: "enterprises/{enterprise}/audit-log/streams/{stream_id}", args: []any{enterprise, positiveID(streamID)}})
}

// UpdateStream replaces a stream configuration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#update-an-existing-audit-log-stream-configuration
//
// GHES API: PUT /enterprises/{enterprise}/audit-log/streams/{stream_id} (GHES 3.16 and later).
//
//meta:operation PUT /enterprises/{enterprise}/audit-log/streams/{stream_id}
func (s *AuditLogService) UpdateStream(ctx context.Context, enterprise string, streamID int64, body AuditLogStreamRequest) (*AuditLogStream, *Response, error) {
	return fetch[AuditLogStream](ctx, s.backend, &request{op: "AuditLog.UpdateStream", method: http.MethodPut, path: "enterprises/{enterprise}/audit-log/streams/{stream_id}", args: []any{enterprise, positiveID(streamID)}, json: body})
}

// DeleteStream deletes a stream configuration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#delete-an-audit-log-streaming-configuration-for-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/audit-log/streams/{stream_id} (GHES 3.16 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/audit-log/streams/{stream_id}
func (s *AuditLogService) DeleteStream(ctx context.Context, enterprise string, streamID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "AuditLog.DeleteStream", method: http.MethodDelete, path: "enterprises/{enterprise}/audit-log/streams/{stream_id}", args: []any{enterprise, positiveID(streamID)}}, nil)
}
