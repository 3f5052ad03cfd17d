package ghesadmin

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOptionsAndBodiesRefusedNamingTheMethod: prepare checks every
// request's options and body before sending, and the refusal names the Go
// method, also for the option types that do not know it (ListOptions) and
// the bodies shared by several methods. The mock has no expectation: a
// request sent fails the test.
func TestOptionsAndBodiesRefusedNamingTheMethod(t *testing.T) {
	ctx := context.Background()
	c := mock(t).Client
	checkRefusals(t, []refusal{
		{"AdminHooks.List: PerPage", func() error {
			_, _, err := c.AdminHooks.List(ctx, &ListOptions{PerPage: MaxPerPage + 1})
			return err
		}(), "AdminHooks.List: ListOptions.PerPage", "101"},
		{"Users.List: Since", func() error {
			_, _, err := c.Users.List(ctx, &ListSinceOptions{Since: -1})
			return err
		}(), "Users.List: ListSinceOptions.Since", "-1"},
		{"CodeSecurity.ListConfigurations: Before and After", func() error {
			_, _, err := c.CodeSecurity.ListConfigurations(ctx, "e", &ListCursorOptions{Before: "a", After: "b"})
			return err
		}(), "CodeSecurity.ListConfigurations: Before and After", "give one"},
		{"Manage.AddSSHKey: key", func() error {
			_, _, err := c.Manage.AddSSHKey(ctx, " ")
			return err
		}(), "Manage.AddSSHKey", "public key is empty"},
		{"Manage.RemoveSSHKey: key", func() error {
			_, _, err := c.Manage.RemoveSSHKey(ctx, "")
			return err
		}(), "Manage.RemoveSSHKey", "public key is empty"},
		{"AdminHooks.Create: Config.URL", func() error {
			_, _, err := c.AdminHooks.Create(ctx, CreateGlobalHookRequest{})
			return err
		}(), "AdminHooks.Create: CreateGlobalHookRequest.Config.URL", "empty"},
		{"AdminHooks.Update: Config.URL", func() error {
			_, _, err := c.AdminHooks.Update(ctx, 1, UpdateGlobalHookRequest{Config: &GlobalHookConfigRequest{}})
			return err
		}(), "AdminHooks.Update: UpdateGlobalHookRequest.Config.URL", "empty"},
		{"CodeSecurity.AttachConfiguration: Scope", func() error {
			_, err := c.CodeSecurity.AttachConfiguration(ctx, "e", 1, AttachConfigurationRequest{Scope: "some"})
			return err
		}(), "CodeSecurity.AttachConfiguration: Scope", "some"},
	})

	// A validate message that already names the method is not named twice.
	_, _, err := c.Announcement.Set(ctx, SetAnnouncementRequest{})
	require.ErrorIs(t, err, ErrInvalidArgument)
	assert.Equal(t, 1, strings.Count(err.Error(), "Announcement.Set"), err.Error())
}

// failingOptions is an options type whose validate fails without
// ErrInvalidArgument.
type failingOptions struct{}

var errFailingOptions = errors.New("cannot check")

func (failingOptions) validate() error { return errFailingOptions }

func TestCheckArgument(t *testing.T) {
	require.NoError(t, checkArgument("X.Y", nil))
	require.NoError(t, checkArgument("X.Y", (*ListOptions)(nil)), "a nil …Options is valid")
	require.NoError(t, checkArgument("X.Y", "not a validator"))

	err := checkArgument("X.Y", &ListOptions{Page: -2})
	require.ErrorIs(t, err, ErrInvalidArgument)
	assert.Equal(t, "ghesadmin: invalid argument: X.Y: ListOptions.Page is -2; pages start at 1", err.Error())

	err = checkArgument("X.Y", failingOptions{})
	require.ErrorIs(t, err, errFailingOptions)
	assert.Equal(t, "ghesadmin: X.Y: cannot check", err.Error())

	// A checker names the method itself.
	err = checkArgument("X.Y", ListCursorOptions{PerPage: -1})
	require.ErrorIs(t, err, ErrInvalidArgument)
	assert.Equal(t, 1, strings.Count(err.Error(), "X.Y"), err.Error())
}

func TestPrepareFillsThePath(t *testing.T) {
	r := &request{op: "X.Y", method: http.MethodGet, path: "enterprises/{enterprise}/things/{thing_id}", args: []any{"a b", int64(7)}}
	require.NoError(t, r.prepare())
	assert.Equal(t, "enterprises/a%20b/things/7", r.path)
	assert.Nil(t, r.args)
	require.NoError(t, r.prepare(), "a prepared request stays as it is")
	assert.Equal(t, "enterprises/a%20b/things/7", r.path)

	r = &request{op: "X.Y", method: http.MethodGet, path: "users/{username}", args: []any{".."}}
	var ae *ArgumentError
	require.ErrorAs(t, r.prepare(), &ae)
	assert.Equal(t, "X.Y", ae.Method)
	assert.Equal(t, "username", ae.Parameter)
}

func TestEscapePathPositiveID(t *testing.T) {
	p, err := escapePath("X.Y", "e/{enterprise}/s/{stream_id}", "e", positiveID(42))
	require.NoError(t, err)
	assert.Equal(t, "e/e/s/42", p)
	for id, value := range map[positiveID]string{0: "0", -3: "-3"} {
		_, err := escapePath("X.Y", "e/{enterprise}/s/{stream_id}", "e", id)
		var ae *ArgumentError
		require.ErrorAs(t, err, &ae, value)
		assert.Equal(t, ArgumentError{Method: "X.Y", Parameter: "stream_id", Position: 1, Value: value, Reason: "is not a positive ID"}, *ae)
		require.ErrorIs(t, err, ErrInvalidArgument)
	}
}

// TestEscapePathArgumentCount: a template and its arguments must match,
// with no argument left over.
func TestEscapePathArgumentCount(t *testing.T) {
	for _, tc := range []struct {
		template string
		args     []any
	}{
		{"users/{username}", []any{"a", "b"}},
		{"admin/hooks", []any{int64(1)}},
		{"users/{username}/keys/{key_id}", []any{"a"}},
	} {
		_, err := escapePath("X.Y", tc.template, tc.args...)
		require.Error(t, err, tc.template)
		assert.Contains(t, err.Error(), "internal error", tc.template)
	}
}
