package ghesadmin

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// A property name and an organization that need escaping.
const (
	costCenter        = "cost center/é"
	costCenterEscaped = "cost%20center%2F%C3%A9"
	myOrg             = "my org"
	myOrgEscaped      = "my%20org"
)

// schemaCustomProperty is the property of custom_properties/get.json.
func schemaCustomProperty() CustomProperty {
	by := PropertyEditableByOrgActors
	return CustomProperty{
		PropertyName:     "value-of-property_name",
		URL:              "https://ghe.example.com/url",
		SourceType:       PropertySourceOrganization,
		ValueType:        PropertyString,
		Required:         true,
		DefaultValue:     StringValue("value-of-default_value"),
		AllowedValues:    []string{"value-of-allowed_values"},
		ValuesEditableBy: &by,
	}
}

// schemaCustomProperties are the properties of custom_properties/list.json.
func schemaCustomProperties() []*CustomProperty {
	p := schemaCustomProperty()
	return []*CustomProperty{&p, {
		PropertyName:  "platforms",
		URL:           "https://ghe.example.com/api/v3/enterprises/acme/properties/schema/platforms",
		SourceType:    PropertySourceEnterprise,
		ValueType:     PropertyMultiSelect,
		Description:   Ptr("The platforms a repository ships to"),
		DefaultValue:  MultiValue("web"),
		AllowedValues: []string{"web", "mobile"},
	}}
}

func TestCustomPropertiesList(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/" + acmeCorpEscaped + "/properties/schema", Reply: "custom_properties/list.json"})
	got, resp, err := env.Client.CustomProperties.List(context.Background(), acmeCorp)
	requireStatus(t, resp, err, http.StatusOK)
	assertFields(t, "properties", got, schemaCustomProperties())
	assertCoversFixture(t, "custom_properties/list.json", []*CustomProperty{})
}

func TestCustomPropertiesCreateOrUpdateMany(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/enterprises/" + acmeCorpEscaped + "/properties/schema",
		JSON: `{"properties":[
			{"property_name":"environment","value_type":"single_select","required":true,"default_value":"production",
			 "description":"Where the code runs","allowed_values":["production","development"],"values_editable_by":"org_and_repo_actors"},
			{"property_name":"platforms","value_type":"multi_select","default_value":["web"],"allowed_values":["web","mobile"]},
			{"property_name":"archived","value_type":"true_false","required":false}
		]}`,
		Reply: "custom_properties/list.json"})
	got, resp, err := env.Client.CustomProperties.CreateOrUpdateMany(context.Background(), acmeCorp, CustomPropertiesRequest{Properties: []CustomPropertyDefinition{
		{PropertyName: "environment", CustomPropertyRequest: CustomPropertyRequest{
			ValueType: PropertySingleSelect, Required: Ptr(true), DefaultValue: StringValue("production"), Description: Ptr("Where the code runs"),
			AllowedValues: []string{"production", "development"}, ValuesEditableBy: Ptr(PropertyEditableByOrgAndRepoActors),
		}},
		{PropertyName: "platforms", CustomPropertyRequest: CustomPropertyRequest{
			ValueType: PropertyMultiSelect, DefaultValue: MultiValue("web"), AllowedValues: []string{"web", "mobile"},
		}},
		{PropertyName: "archived", CustomPropertyRequest: CustomPropertyRequest{ValueType: PropertyTrueFalse, Required: Ptr(false)}},
	}})
	requireStatus(t, resp, err, http.StatusOK)
	assertFields(t, "properties", got, schemaCustomProperties())
}

// The calls on one property that answer the property.
func TestCustomPropertiesOneProperty(t *testing.T) {
	path := "/enterprises/" + acmeCorpEscaped + "/properties/schema/" + costCenterEscaped
	testReplyCases(t, "custom_properties/get.json", schemaCustomProperty(), []replyCase[CustomProperty]{
		{"Get", call{Method: http.MethodGet, Path: path}, func(c *Client) (*CustomProperty, *Response, error) {
			return c.CustomProperties.Get(context.Background(), acmeCorp, costCenter)
		}},
		{"CreateOrUpdate", call{Method: http.MethodPut, Path: path,
			JSON: `{"value_type":"string","required":true,"default_value":"CC-0","description":"The cost center","values_editable_by":"org_actors"}`},
			func(c *Client) (*CustomProperty, *Response, error) {
				return c.CustomProperties.CreateOrUpdate(context.Background(), acmeCorp, costCenter, CustomPropertyRequest{
					ValueType: PropertyString, Required: Ptr(true), DefaultValue: StringValue("CC-0"), Description: Ptr("The cost center"),
					ValuesEditableBy: Ptr(PropertyEditableByOrgActors),
				})
			}},
		{"CreateOrUpdate with the value type only", call{Method: http.MethodPut, Path: path, JSON: `{"value_type":"true_false"}`},
			func(c *Client) (*CustomProperty, *Response, error) {
				return c.CustomProperties.CreateOrUpdate(context.Background(), acmeCorp, costCenter, CustomPropertyRequest{ValueType: PropertyTrueFalse})
			}},
		{"Promote", call{Method: http.MethodPut, Path: "/enterprises/" + acmeCorpEscaped + "/properties/schema/organizations/" + myOrgEscaped + "/" + costCenterEscaped + "/promote"},
			func(c *Client) (*CustomProperty, *Response, error) {
				return c.CustomProperties.Promote(context.Background(), acmeCorp, myOrg, costCenter)
			}},
	})
}

func TestCustomPropertiesDelete(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/enterprises/" + acmeCorpEscaped + "/properties/schema/" + costCenterEscaped, Status: http.StatusNoContent})
	resp, err := env.Client.CustomProperties.Delete(context.Background(), acmeCorp, costCenter)
	requireStatus(t, resp, err, http.StatusNoContent)
}

func TestCustomPropertiesErrorReplies(t *testing.T) {
	base := "/enterprises/" + acmeCorpEscaped + "/properties/schema"
	documented := []int{403, 404}
	testErrorReplies(t, []errorReply{
		{"List", call{Method: http.MethodGet, Path: base}, documented, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CustomProperties.List(ctx, acmeCorp)
			return r, err
		}},
		{"CreateOrUpdateMany", call{Method: http.MethodPatch, Path: base, JSON: `{"properties":[{"property_name":"p","value_type":"string"}]}`}, documented,
			func(ctx context.Context, c *Client) (*Response, error) {
				_, r, err := c.CustomProperties.CreateOrUpdateMany(ctx, acmeCorp, CustomPropertiesRequest{Properties: []CustomPropertyDefinition{
					{PropertyName: "p", CustomPropertyRequest: CustomPropertyRequest{ValueType: PropertyString}}}})
				return r, err
			}},
		{"Get", call{Method: http.MethodGet, Path: base + "/p"}, documented, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CustomProperties.Get(ctx, acmeCorp, "p")
			return r, err
		}},
		{"CreateOrUpdate", call{Method: http.MethodPut, Path: base + "/p", JSON: `{"value_type":"string"}`}, documented, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CustomProperties.CreateOrUpdate(ctx, acmeCorp, "p", CustomPropertyRequest{ValueType: PropertyString})
			return r, err
		}},
		{"Delete", call{Method: http.MethodDelete, Path: base + "/p"}, documented, func(ctx context.Context, c *Client) (*Response, error) {
			return c.CustomProperties.Delete(ctx, acmeCorp, "p")
		}},
		{"Promote", call{Method: http.MethodPut, Path: base + "/organizations/o/p/promote"}, documented, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CustomProperties.Promote(ctx, acmeCorp, "o", "p")
			return r, err
		}},
	})
}

func TestCustomPropertiesArgumentsRefused(t *testing.T) {
	put := func(r CustomPropertyRequest) func(ctx context.Context, c *Client) error {
		return func(ctx context.Context, c *Client) error {
			_, _, err := c.CustomProperties.CreateOrUpdate(ctx, "e", "p", r)
			return err
		}
	}
	many := func(defs ...CustomPropertyDefinition) func(ctx context.Context, c *Client) error {
		return func(ctx context.Context, c *Client) error {
			_, _, err := c.CustomProperties.CreateOrUpdateMany(ctx, "e", CustomPropertiesRequest{Properties: defs})
			return err
		}
	}
	str := CustomPropertyDefinition{PropertyName: "p", CustomPropertyRequest: CustomPropertyRequest{ValueType: PropertyString}}
	env := mock(t) // no expectations: a request sent fails the test
	ctx, c := context.Background(), env.Client
	checkRefusals(t, []refusal{
		{"CustomProperties.CreateOrUpdate: ValueType", put(CustomPropertyRequest{ValueType: "number"})(ctx, c), "CustomProperties.CreateOrUpdate", "ValueType"},
		{"CustomProperties.CreateOrUpdate: AllowedValues is empty", put(CustomPropertyRequest{ValueType: PropertySingleSelect})(ctx, c), "CustomProperties.CreateOrUpdate", "AllowedValues is empty"},
		{"CustomProperties.CreateOrUpdate: AllowedValues is set", put(CustomPropertyRequest{ValueType: PropertyString, AllowedValues: []string{"a"}})(ctx, c), "CustomProperties.CreateOrUpdate", "AllowedValues is set"},
		{"CustomProperties.CreateOrUpdate: AllowedValues has 201", put(CustomPropertyRequest{ValueType: PropertyMultiSelect, AllowedValues: make([]string, 201)})(ctx, c), "CustomProperties.CreateOrUpdate", "AllowedValues has 201"},
		{"CustomProperties.CreateOrUpdate: AllowedValues has \"\"", put(CustomPropertyRequest{ValueType: PropertySingleSelect, AllowedValues: []string{"a", ""}})(ctx, c), "CustomProperties.CreateOrUpdate", "AllowedValues has \"\""},
		{"CustomProperties.CreateOrUpdate: AllowedValues has \"xxxxx", put(CustomPropertyRequest{ValueType: PropertySingleSelect, AllowedValues: []string{strings.Repeat("x", 76)}})(ctx, c), "CustomProperties.CreateOrUpdate", "AllowedValues has \"xxxxx"},
		{"CustomProperties.CreateOrUpdate: DefaultValue is \"yes\"", put(CustomPropertyRequest{ValueType: PropertyTrueFalse, DefaultValue: StringValue("yes")})(ctx, c), "CustomProperties.CreateOrUpdate", "DefaultValue is \"yes\""},
		{"CustomProperties.CreateOrUpdate: DefaultValue must be a list", put(CustomPropertyRequest{ValueType: PropertyString, DefaultValue: MultiValue("a")})(ctx, c), "CustomProperties.CreateOrUpdate", "DefaultValue must be a list"},
		{"CustomProperties.CreateOrUpdate: Required", put(CustomPropertyRequest{ValueType: PropertyString, Required: Ptr(true)})(ctx, c), "CustomProperties.CreateOrUpdate", "Required"},
		{"CustomProperties.CreateOrUpdate: ValuesEditableBy", put(CustomPropertyRequest{ValueType: PropertyString, ValuesEditableBy: Ptr(PropertyValuesEditableBy("everyone"))})(ctx, c), "CustomProperties.CreateOrUpdate", "ValuesEditableBy"},
		{"CustomProperties.CreateOrUpdate: custom_property_name", func() error {
			_, _, err := c.CustomProperties.CreateOrUpdate(ctx, "e", "", CustomPropertyRequest{ValueType: PropertyString})
			return err
		}(), "CustomProperties.CreateOrUpdate", "custom_property_name"},
		{"CustomProperties.CreateOrUpdateMany: Properties has 0", many()(ctx, c), "CustomProperties.CreateOrUpdateMany", "Properties has 0"},
		{"CustomProperties.CreateOrUpdateMany: Properties has 101", many(make([]CustomPropertyDefinition, 101)...)(ctx, c), "CustomProperties.CreateOrUpdateMany", "Properties has 101"},
		{"CustomProperties.CreateOrUpdateMany: Properties[0].PropertyName", many(CustomPropertyDefinition{
			CustomPropertyRequest: CustomPropertyRequest{ValueType: PropertyString}})(ctx, c), "CustomProperties.CreateOrUpdateMany", "Properties[0].PropertyName"},
		{"CustomProperties.CreateOrUpdateMany: Properties[1].ValueType", many(str, CustomPropertyDefinition{PropertyName: "q"})(ctx, c), "CustomProperties.CreateOrUpdateMany", "Properties[1].ValueType"},
		{"CustomProperties.List: enterprise", func() error {
			_, _, err := c.CustomProperties.List(ctx, "")
			return err
		}(), "CustomProperties.List", "enterprise"},
		{"CustomProperties.Get: custom_property_name", func() error {
			_, _, err := c.CustomProperties.Get(ctx, "e", "")
			return err
		}(), "CustomProperties.Get", "custom_property_name"},
		{"CustomProperties.Delete: custom_property_name", func() error {
			_, err := c.CustomProperties.Delete(ctx, "e", "..")
			return err
		}(), "CustomProperties.Delete", "custom_property_name"},
		{"CustomProperties.Promote: org", func() error {
			_, _, err := c.CustomProperties.Promote(ctx, "e", "", "p")
			return err
		}(), "CustomProperties.Promote", "org"},
	})
}
