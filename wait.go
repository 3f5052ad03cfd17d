package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// A WaitOption tunes the polling of the WaitFor… methods
// (PreReceiveEnvironments.WaitForDownload,
// ManagementConsole.WaitForConfiguration, Manage.WaitForConfigApply, and
// WaitForMaintenance of both administration APIs). None of
// them has a time limit of its own: bound the wait with the context.
type WaitOption func(*waitConfig)

type waitConfig struct {
	interval, max time.Duration
	err           error
}

// WaitInterval makes a WaitFor… method poll every d. d must be positive.
func WaitInterval(d time.Duration) WaitOption {
	return func(c *waitConfig) {
		if d <= 0 {
			c.err = fmt.Errorf("%w: WaitInterval(%v): the interval must be positive", ErrInvalidArgument, d)
			return
		}
		c.interval, c.max = d, d
	}
}

// WaitBackoff makes a WaitFor… method wait initial after the first poll,
// then twice as long after each next one, never more than maxInterval. Both
// must be positive and initial at most maxInterval.
func WaitBackoff(initial, maxInterval time.Duration) WaitOption {
	return func(c *waitConfig) {
		if initial <= 0 || maxInterval <= 0 || initial > maxInterval {
			c.err = fmt.Errorf("%w: WaitBackoff(%v, %v): both must be positive and the first at most the second", ErrInvalidArgument, initial, maxInterval)
			return
		}
		c.interval, c.max = initial, maxInterval
	}
}

// newWaitConfig applies opts over the defaults of one WaitFor… method.
func newWaitConfig(interval, maxInterval time.Duration, opts []WaitOption) (waitConfig, error) {
	c := waitConfig{interval: interval, max: maxInterval}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c, c.err
}

// next returns the wait after one of cur: twice as long, at most c.max.
func (c waitConfig) next(cur time.Duration) time.Duration {
	return min(2*cur, c.max)
}

// configRunName names a config apply run in messages: "run \"ID\"", or "the
// latest run" when the caller gave no ID.
func configRunName(runID string) string {
	if runID == "" {
		return "the latest run"
	}
	return fmt.Sprintf("run %q", runID)
}

// ErrMaintenanceOff is returned by the WaitForMaintenance methods when
// maintenance mode is off (neither on nor scheduled): there is nothing to
// wait for. Turn it on with SetMaintenance first.
var ErrMaintenanceOff = errors.New("ghesadmin: maintenance mode is off (not scheduled either); nothing to wait for")

// WaitForMaintenance polls GET /setup/api/maintenance until maintenance
// mode is on: it returns at once when it is, keeps polling while it is
// "scheduled" (a start time given to SetMaintenance), and returns the status
// with ErrMaintenanceOff when it is off. The status's ConnectionServices say
// which connections are still open. It stops when ctx ends, with ctx's
// error. It polls every 5 seconds unless a WaitOption says otherwise.
//
// GHES API: GET /setup/api/maintenance (GHES 2.22 to 3.14).
//
//meta:operation GET /setup/api/maintenance
func (s *ManagementConsoleService) WaitForMaintenance(ctx context.Context, opts ...WaitOption) (*MaintenanceStatus, *Response, error) {
	cfg, err := newWaitConfig(defaultWaitInterval, defaultWaitInterval, opts)
	if err != nil {
		return nil, nil, err
	}
	wait := cfg.interval
	for {
		st, resp, err := s.MaintenanceStatus(ctx)
		if err != nil {
			return nil, resp, err
		}
		switch strings.ToLower(st.Status) {
		case "on":
			return st, resp, nil
		case "off", "":
			return st, resp, ErrMaintenanceOff
		}
		if err := sleep(ctx, wait); err != nil {
			return st, resp, fmt.Errorf("ghesadmin: waiting for maintenance mode (status %q): %w", st.Status, err)
		}
		wait = cfg.next(wait)
	}
}

// WaitForMaintenance polls GET /manage/v1/maintenance (for the nodes opts
// selects, every node when nil) until maintenance mode is on for each of
// them: it keeps polling while a node is "scheduled", and returns the
// statuses with ErrMaintenanceOff when a node is off. It stops when ctx
// ends, with ctx's error. It polls every 5 seconds unless a WaitOption says
// otherwise.
//
// GHES API: GET /manage/v1/maintenance (GHES 3.10 and later).
//
//meta:operation GET /manage/v1/maintenance
func (s *ManageService) WaitForMaintenance(ctx context.Context, opts *ManageNodeOptions, waitOpts ...WaitOption) ([]*ManageMaintenanceStatus, *Response, error) {
	cfg, err := newWaitConfig(defaultWaitInterval, defaultWaitInterval, waitOpts)
	if err != nil {
		return nil, nil, err
	}
	wait := cfg.interval
	for {
		nodes, resp, err := s.MaintenanceStatus(ctx, opts)
		if err != nil {
			return nil, resp, err
		}
		on, pending := 0, ""
		for _, n := range nodes {
			if n == nil {
				continue
			}
			switch strings.ToLower(n.Status) {
			case "on":
				on++
			case "off", "":
				return nodes, resp, fmt.Errorf("%w (node %s)", ErrMaintenanceOff, n.Hostname)
			default:
				pending = n.Hostname
			}
		}
		if on > 0 && pending == "" {
			return nodes, resp, nil
		}
		if err := sleep(ctx, wait); err != nil {
			return nodes, resp, fmt.Errorf("ghesadmin: waiting for maintenance mode (node %q not on yet): %w", pending, err)
		}
		wait = cfg.next(wait)
	}
}
