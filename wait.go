package ghesadmin

import (
	"fmt"
	"time"
)

// A WaitOption tunes the polling of the WaitFor… methods
// (PreReceiveEnvironments.WaitForDownload,
// ManagementConsole.WaitForConfiguration, Manage.WaitForConfigApply). None of
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
