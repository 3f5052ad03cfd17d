package ghestest

// customPropertiesRoutes are the routes of the operations of the SDK's custom_properties.go (handlers in
// security.go and security_alerts.go).
var customPropertiesRoutes = []route{
	{"GET /enterprises/{enterprise}/properties/schema", accessAdmin, "", ent(hListProps)},
	{"PATCH /enterprises/{enterprise}/properties/schema", accessAdmin, "", ent(hPatchProps)},
	{"GET /enterprises/{enterprise}/properties/schema/{custom_property_name}", accessAdmin, "", ent(hGetProp)},
	{"PUT /enterprises/{enterprise}/properties/schema/{custom_property_name}", accessAdmin, "", ent(hPutProp)},
	{"DELETE /enterprises/{enterprise}/properties/schema/{custom_property_name}", accessAdmin, "", ent(hDeleteProp)},
	{"PUT /enterprises/{enterprise}/properties/schema/organizations/{org}/{custom_property_name}/promote", accessAdmin, "", ent(hPromoteProp)},
}
