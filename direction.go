package ghesadmin

import "fmt"

// Direction is the order of a sorted list.
type Direction string

// Sort directions.
const (
	// DirectionAsc sorts in ascending order.
	DirectionAsc Direction = "asc"
	// DirectionDesc sorts in descending order (the server's default).
	DirectionDesc Direction = "desc"
)

// validate accepts the zero value (the server's default) and the constants.
func (d Direction) validate(field string) error {
	switch d {
	case "", DirectionAsc, DirectionDesc:
		return nil
	}
	return fmt.Errorf("%w: %s is %q; want %q or %q", ErrInvalidArgument, field, string(d), DirectionAsc, DirectionDesc)
}
