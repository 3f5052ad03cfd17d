package ghesadmin

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// RetryPolicy bounds the automatic retries of a Client.
//
// Only idempotent methods (GET, HEAD, PUT, DELETE) are retried, and only
// after a transport error (such as a dropped connection) or a 502, 503 or 504
// reply, with jittered exponential backoff, or after a rate limit whose wait
// is at most MaxWait. POST and PATCH are never retried. A retry wait ends as
// soon as the call's context ends.
type RetryPolicy struct {
	// MaxAttempts is the number of attempts, the first one included
	// (default 3; 1 turns retries off).
	MaxAttempts int
	// MinBackoff is the base wait before the first retry (default 250ms);
	// it doubles with each attempt, with jitter.
	MinBackoff time.Duration
	// MaxBackoff caps one backoff wait (default 5s).
	MaxBackoff time.Duration
	// MaxWait is the longest Retry-After (or rate limit reset) the client
	// waits out; a longer one is returned as an error at once (default 60s).
	// A server's Retry-After on a 502/503/504 is honoured up to MaxWait too.
	MaxWait time.Duration
}

// DefaultRetryPolicy returns the policy a Client uses unless WithRetry or
// WithoutRetries says otherwise.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 3, MinBackoff: 250 * time.Millisecond, MaxBackoff: 5 * time.Second, MaxWait: 60 * time.Second}
}

const maxRetryAttempts = 10

func (p RetryPolicy) validate() error {
	switch {
	case p.MaxAttempts < 0 || p.MaxAttempts > maxRetryAttempts:
		return errors.New("MaxAttempts must be between 1 and 10 (0 for the default)")
	case p.MinBackoff < 0, p.MaxBackoff < 0, p.MaxWait < 0:
		return errors.New("durations must not be negative")
	case p.MaxBackoff != 0 && p.MinBackoff > p.MaxBackoff:
		return errors.New("MinBackoff is larger than MaxBackoff")
	}
	return nil
}

func (p RetryPolicy) withDefaults() RetryPolicy {
	d := DefaultRetryPolicy()
	if p.MaxAttempts == 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.MinBackoff == 0 {
		p.MinBackoff = d.MinBackoff
	}
	if p.MaxBackoff == 0 {
		p.MaxBackoff = max(d.MaxBackoff, p.MinBackoff)
	}
	if p.MaxWait == 0 {
		p.MaxWait = d.MaxWait
	}
	return p
}

// backoff returns the wait before attempt+1: MinBackoff·2^(attempt-1),
// capped at MaxBackoff, of which the upper half is random ("equal jitter").
func (p RetryPolicy) backoff(attempt int) time.Duration {
	d := p.MinBackoff
	for i := 1; i < attempt && d < p.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, p.MaxBackoff)
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(half+1)
}

type retryKey struct{}

// ContextWithRetryPolicy returns a context that makes the calls made with it
// use p instead of the Client's policy: a per-call override, such as
// RetryPolicy{MaxAttempts: 1} for a call that must not be repeated.
func ContextWithRetryPolicy(ctx context.Context, p RetryPolicy) (context.Context, error) {
	if err := p.validate(); err != nil {
		return ctx, err
	}
	return context.WithValue(ctx, retryKey{}, p.withDefaults()), nil
}

// retryWait decides, from the advice errors.go gave on a failed reply,
// whether it is worth another attempt and after how long: never longer than
// the policy's MaxWait.
func retryWait(p RetryPolicy, attempt int, a retryAdvice) (time.Duration, bool) {
	switch {
	case a.kind == retryTransient && !a.hasWait:
		return p.backoff(attempt), true
	case a.kind != retryNever && a.wait <= p.MaxWait:
		return a.wait, true
	}
	return 0, false
}

// sleep waits for d or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
