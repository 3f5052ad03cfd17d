package ghesadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// CustomPropertiesService manages the custom properties an enterprise
// defines for its repositories (GHES 3.18 and later).
type CustomPropertiesService service

// PropertyValueType is the type of a custom property's values.
type PropertyValueType string

// The value types of custom properties.
const (
	PropertyString       PropertyValueType = "string"
	PropertySingleSelect PropertyValueType = "single_select"
	PropertyMultiSelect  PropertyValueType = "multi_select"
	PropertyTrueFalse    PropertyValueType = "true_false"
)

// PropertySourceType is where a custom property is defined.
type PropertySourceType string

// The sources of custom properties.
const (
	PropertySourceEnterprise   PropertySourceType = "enterprise"
	PropertySourceOrganization PropertySourceType = "organization"
)

// PropertyValuesEditableBy is who may set a custom property's values.
type PropertyValuesEditableBy string

// Who may set a custom property's values.
const (
	PropertyEditableByOrgActors        PropertyValuesEditableBy = "org_actors"
	PropertyEditableByOrgAndRepoActors PropertyValuesEditableBy = "org_and_repo_actors"
)

// PropertyValue is the value of a custom property: one string, or a list
// of strings for a multi_select property. Build one with StringValue or
// MultiValue.
type PropertyValue struct {
	// Single is the value of a string, single_select or true_false
	// property.
	Single string
	// Multi is the value of a multi_select property.
	Multi []string
	// IsMulti tells which of the two the value is.
	IsMulti bool
}

// StringValue is a one-string property value ("true" or "false" for a
// true_false property).
func StringValue(s string) *PropertyValue { return &PropertyValue{Single: s} }

// MultiValue is a list property value, for a multi_select property.
func MultiValue(v ...string) *PropertyValue { return &PropertyValue{Multi: v, IsMulti: true} }

// UnmarshalJSON reads a string, a list of strings, or another scalar as
// text.
func (v *PropertyValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var list []FlexString
		if err := json.Unmarshal(b, &list); err != nil {
			return err
		}
		*v = PropertyValue{IsMulti: true, Multi: make([]string, len(list))}
		for i, s := range list {
			v.Multi[i] = string(s)
		}
		return nil
	}
	s, err := scalarText(b)
	if err != nil {
		return typeError(b, *v)
	}
	*v = PropertyValue{Single: s}
	return nil
}

// MarshalJSON writes a string, or a list for a multi value.
func (v PropertyValue) MarshalJSON() ([]byte, error) {
	if v.IsMulti {
		if v.Multi == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(v.Multi)
	}
	return json.Marshal(v.Single)
}

// CustomProperty is the definition of a custom property.
type CustomProperty struct {
	// PropertyName is the property's name.
	PropertyName string `json:"property_name"`
	// URL is the property's API URL.
	URL string `json:"url,omitempty"`
	// SourceType is where the property is defined.
	SourceType PropertySourceType `json:"source_type,omitempty"`
	// ValueType is the type of the property's values.
	ValueType PropertyValueType `json:"value_type"`
	// Required makes every repository have a value.
	Required bool `json:"required"`
	// Description is the property's description, or nil.
	Description *string `json:"description,omitempty"`
	// DefaultValue is the value of repositories that set none, or nil.
	DefaultValue *PropertyValue `json:"default_value"`
	// AllowedValues are the values a single_select or multi_select
	// property may take.
	AllowedValues []string `json:"allowed_values"`
	// ValuesEditableBy is who may set the values, or nil for the default
	// (a null the server sends is sent back as null).
	ValuesEditableBy *PropertyValuesEditableBy `json:"values_editable_by"`
	// RequireExplicitValues makes repositories set a value explicitly
	// rather than inherit the default (GHES 3.18 and later), or nil when
	// the server does not send it.
	RequireExplicitValues *bool `json:"require_explicit_values,omitempty"`
}

// CustomPropertyRequest is the definition sent by
// CustomPropertiesService.CreateOrUpdate.
type CustomPropertyRequest struct {
	// ValueType is required.
	ValueType PropertyValueType `json:"value_type"`
	// Required makes every repository have a value; a required property
	// needs a DefaultValue.
	Required *bool `json:"required,omitempty"`
	// DefaultValue is the value of repositories that set none.
	DefaultValue *PropertyValue `json:"default_value,omitempty"`
	// Description of the property.
	Description *string `json:"description,omitempty"`
	// AllowedValues are the values of a single_select or multi_select
	// property: at most 200, each at most 75 characters.
	AllowedValues []string `json:"allowed_values,omitempty"`
	// ValuesEditableBy is who may set the values.
	ValuesEditableBy *PropertyValuesEditableBy `json:"values_editable_by,omitempty"`
}

// maxAllowedValues and maxAllowedValueLen are GitHub's limits on a
// property's allowed values.
const (
	maxAllowedValues   = 200
	maxAllowedValueLen = 75
)

func (r CustomPropertyRequest) check(method string) error { return r.validate(method, "") }

func (r CustomPropertyRequest) validate(method, name string) error {
	if err := checkEnum(method, name+"ValueType", r.ValueType, false, PropertyString, PropertySingleSelect, PropertyMultiSelect, PropertyTrueFalse); err != nil {
		return err
	}
	if r.ValuesEditableBy != nil {
		if err := checkEnum(method, name+"ValuesEditableBy", *r.ValuesEditableBy, false, PropertyEditableByOrgActors, PropertyEditableByOrgAndRepoActors); err != nil {
			return err
		}
	}
	selects := r.ValueType == PropertySingleSelect || r.ValueType == PropertyMultiSelect
	if selects && len(r.AllowedValues) == 0 {
		return fmt.Errorf("%w: %s: %sAllowedValues is empty; a %s property needs them", ErrInvalidArgument, method, name, r.ValueType)
	}
	if !selects && len(r.AllowedValues) > 0 {
		return fmt.Errorf("%w: %s: %sAllowedValues is set on a %s property", ErrInvalidArgument, method, name, r.ValueType)
	}
	if len(r.AllowedValues) > maxAllowedValues {
		return fmt.Errorf("%w: %s: %sAllowedValues has %d values; at most %d", ErrInvalidArgument, method, name, len(r.AllowedValues), maxAllowedValues)
	}
	for _, v := range r.AllowedValues {
		if v == "" || len([]rune(v)) > maxAllowedValueLen {
			return fmt.Errorf("%w: %s: %sAllowedValues has %q; each must be 1 to %d characters", ErrInvalidArgument, method, name, v, maxAllowedValueLen)
		}
	}
	if r.Required != nil && *r.Required && r.DefaultValue == nil {
		return fmt.Errorf("%w: %s: %sRequired is true with no DefaultValue", ErrInvalidArgument, method, name)
	}
	if d := r.DefaultValue; d != nil {
		if d.IsMulti != (r.ValueType == PropertyMultiSelect) {
			return fmt.Errorf("%w: %s: %sDefaultValue must be a list exactly for a multi_select property", ErrInvalidArgument, method, name)
		}
		if r.ValueType == PropertyTrueFalse && d.Single != "true" && d.Single != "false" {
			return fmt.Errorf("%w: %s: %sDefaultValue is %q; a true_false property takes \"true\" or \"false\"", ErrInvalidArgument, method, name, d.Single)
		}
	}
	return nil
}

// CustomPropertyDefinition is one definition of
// CustomPropertiesService.CreateOrUpdateMany: a named CustomPropertyRequest.
type CustomPropertyDefinition struct {
	// PropertyName is the property's name (required).
	PropertyName string `json:"property_name"`
	CustomPropertyRequest
}

// CustomPropertiesRequest is the body of
// CustomPropertiesService.CreateOrUpdateMany.
type CustomPropertiesRequest struct {
	// Properties are the definitions to write: 1 to 100.
	Properties []CustomPropertyDefinition `json:"properties"`
}

func (r CustomPropertiesRequest) check(method string) error {
	if len(r.Properties) == 0 || len(r.Properties) > 100 {
		return fmt.Errorf("%w: %s: Properties has %d definitions; give 1 to 100", ErrInvalidArgument, method, len(r.Properties))
	}
	for i, p := range r.Properties {
		if p.PropertyName == "" {
			return fmt.Errorf("%w: %s: Properties[%d].PropertyName is empty", ErrInvalidArgument, method, i)
		}
		if err := p.validate(method, fmt.Sprintf("Properties[%d].", i)); err != nil {
			return err
		}
	}
	return nil
}

// List returns every custom property the enterprise defines.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/custom-properties#get-custom-properties-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/properties/schema (GHES 3.18 and later).
//
//meta:operation GET /enterprises/{enterprise}/properties/schema
func (s *CustomPropertiesService) List(ctx context.Context, enterprise string) ([]*CustomProperty, *Response, error) {
	return fetchSlice[*CustomProperty](ctx, s.backend, &request{op: "CustomProperties.List", method: http.MethodGet, path: "enterprises/{enterprise}/properties/schema", args: []any{enterprise}})
}

// CreateOrUpdateMany creates or updates several custom properties at once
// (at most 100) and returns the properties written.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/custom-properties#create-or-update-custom-properties-for-an-enterprise
//
// GHES API: PATCH /enterprises/{enterprise}/properties/schema (GHES 3.18 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/properties/schema
func (s *CustomPropertiesService) CreateOrUpdateMany(ctx context.Context, enterprise string, body CustomPropertiesRequest) ([]*CustomProperty, *Response, error) {
	return fetchSlice[*CustomProperty](ctx, s.backend, &request{op: "CustomProperties.CreateOrUpdateMany", method: http.MethodPatch, path: "enterprises/{enterprise}/properties/schema", args: []any{enterprise}, json: body})
}

// Get returns one custom property of the enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/custom-properties#get-a-custom-property-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/properties/schema/{custom_property_name} (GHES 3.18 and later).
//
//meta:operation GET /enterprises/{enterprise}/properties/schema/{custom_property_name}
func (s *CustomPropertiesService) Get(ctx context.Context, enterprise, name string) (*CustomProperty, *Response, error) {
	return fetch[CustomProperty](ctx, s.backend, &request{op: "CustomProperties.Get", method: http.MethodGet, path: "enterprises/{enterprise}/properties/schema/{custom_property_name}", args: []any{enterprise, name}})
}

// CreateOrUpdate creates a custom property, or replaces its definition.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/custom-properties#create-or-update-a-custom-property-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/properties/schema/{custom_property_name} (GHES 3.18 and later).
//
//meta:operation PUT /enterprises/{enterprise}/properties/schema/{custom_property_name}
func (s *CustomPropertiesService) CreateOrUpdate(ctx context.Context, enterprise, name string, body CustomPropertyRequest) (*CustomProperty, *Response, error) {
	return fetch[CustomProperty](ctx, s.backend, &request{op: "CustomProperties.CreateOrUpdate", method: http.MethodPut, path: "enterprises/{enterprise}/properties/schema/{custom_property_name}", args: []any{enterprise, name}, json: body})
}

// Delete removes a custom property and its values from every repository.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/custom-properties#remove-a-custom-property-for-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/properties/schema/{custom_property_name} (GHES 3.18 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/properties/schema/{custom_property_name}
func (s *CustomPropertiesService) Delete(ctx context.Context, enterprise, name string) (*Response, error) {
	return s.backend.call(ctx, &request{op: "CustomProperties.Delete", method: http.MethodDelete, path: "enterprises/{enterprise}/properties/schema/{custom_property_name}", args: []any{enterprise, name}}, nil)
}

// Promote turns an organization's custom property into an enterprise
// property.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/custom-properties#promote-a-custom-property-to-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/properties/schema/organizations/{org}/{custom_property_name}/promote (GHES 3.18 and later).
//
//meta:operation PUT /enterprises/{enterprise}/properties/schema/organizations/{org}/{custom_property_name}/promote
func (s *CustomPropertiesService) Promote(ctx context.Context, enterprise, org, name string) (*CustomProperty, *Response, error) {
	return fetch[CustomProperty](ctx, s.backend, &request{op: "CustomProperties.Promote", method: http.MethodPut, path: "enterprises/{enterprise}/properties/schema/organizations/{org}/{custom_property_name}/promote", args: []any{enterprise, org, name}})
}
