package ghesadmin

import "context"

// fetchSlice sends r and decodes the reply, a JSON array, into a []T: the
// body of every method that returns a list as a slice.
func fetchSlice[T any](ctx context.Context, c *Client, r *request) ([]T, *Response, error) {
	var v []T
	resp, err := c.call(ctx, r, &v)
	if err != nil {
		return nil, resp, err
	}
	return v, resp, nil
}
