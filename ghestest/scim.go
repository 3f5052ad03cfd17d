package ghestest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// SCIM provisioning as an identity provider sees GHES's
// /scim/v2/enterprises/{enterprise} (GHES 3.12 and later): users and
// groups, application/scim+json both ways, SCIM error bodies.

type scimUserRec struct {
	id          string
	externalID  string
	userName    string
	displayName string
	active      bool
	name        map[string]any
	emails      []map[string]any
	roles       []map[string]any
	userID      int64 // the GHES account provisioned for it
	created     time.Time
	modified    time.Time
}

type scimGroupRec struct {
	id          string
	externalID  string
	displayName string
	members     []string // SCIM user IDs
	created     time.Time
	modified    time.Time
}

const (
	scimUserSchema  = "urn:ietf:params:scim:schemas:core:2.0:User"
	scimGroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group"
	scimListSchema  = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
	scimErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error"
	scimPatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
)

func (c *call) scim(status int, v any) {
	c.w.Header().Set("Content-Type", "application/scim+json; charset=utf-8")
	c.w.WriteHeader(status)
	if v != nil {
		_ = json.NewEncoder(c.w).Encode(v)
	}
}

func (c *call) scimError(status int, scimType, detail string) {
	body := obj{{"schemas", []string{scimErrorSchema}}, {"status", strconv.Itoa(status)}}
	if scimType != "" {
		body = body.set("scimType", scimType)
	}
	c.scim(status, body.set("detail", detail))
}

// scimBody reads a SCIM request body into v, answering a SCIM 400 when the
// body or its content type is wrong.
func (c *call) scimBody(v any) bool {
	ct := c.r.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "application/scim+json") && !strings.HasPrefix(ct, "application/json") {
		c.scimError(http.StatusUnsupportedMediaType, "", "Content-Type must be application/scim+json")
		return false
	}
	b, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	if err != nil || json.Unmarshal(b, v) != nil {
		c.scimError(http.StatusBadRequest, "invalidSyntax", "Request body is not valid JSON")
		return false
	}
	return true
}

func (c *call) scimBase() string {
	return c.apiBase() + "/scim/v2/enterprises/" + c.s.cfg.enterprise
}

// scimMetaJSON is the meta of a SCIM resource: its kind ("User", "Group"),
// its times and where it is.
func (c *call) scimMetaJSON(kind, id string, created, modified time.Time) obj {
	return obj{
		{"resourceType", kind}, {"created", created.UTC().Format(time.RFC3339)},
		{"lastModified", modified.UTC().Format(time.RFC3339)}, {"location", c.scimBase() + "/" + kind + "s/" + id},
	}
}

// scimRefJSON is a reference to the SCIM resource id of kind, with its
// display name when it has one.
func (c *call) scimRefJSON(kind, id, display string) obj {
	ref := obj{{"value", id}, {"$ref", c.scimBase() + "/" + kind + "s/" + id}}
	if display != "" {
		ref = ref.set("display", display)
	}
	return ref
}

// scimUserJSON is the SCIM user u with the groups it belongs to.
func (c *call) scimUserJSON(u *scimUserRec) obj {
	out := obj{{"schemas", []string{scimUserSchema}}, {"id", u.id}, {"externalId", u.externalID}, {"active", u.active}, {"userName", u.userName}}
	if len(u.name) > 0 {
		out = out.set("name", u.name)
	}
	emails := u.emails
	if emails == nil {
		emails = []map[string]any{}
	}
	out = out.with(obj{{"displayName", u.displayName}, {"emails", emails}})
	if len(u.roles) > 0 {
		out = out.set("roles", u.roles)
	}
	var groups []obj
	for _, g := range c.s.ea.groups {
		if hasString(g.members, u.id) {
			groups = append(groups, c.scimRefJSON("Group", g.id, g.displayName))
		}
	}
	if len(groups) > 0 {
		out = out.set("groups", groups)
	}
	return out.set("meta", c.scimMetaJSON("User", u.id, u.created, u.modified))
}

// scimGroupJSON is the SCIM group g with its members.
func (c *call) scimGroupJSON(g *scimGroupRec) obj {
	members := []obj{}
	for _, id := range g.members {
		if u := c.s.ea.scimUser(id); u != nil {
			members = append(members, c.scimRefJSON("User", u.id, u.displayName))
		}
	}
	return obj{
		{"schemas", []string{scimGroupSchema}}, {"id", g.id}, {"externalId", g.externalID}, {"displayName", g.displayName},
		{"members", members}, {"meta", c.scimMetaJSON("Group", g.id, g.created, g.modified)},
	}
}

// scimGroupRead is the group g as a read (list or get) answers it: its
// members are null where the request names them in excludedAttributes.
func (c *call) scimGroupRead(g *scimGroupRec) obj {
	j := c.scimGroupJSON(g)
	if strings.Contains(c.r.URL.Query().Get("excludedAttributes"), "members") {
		j = j.set("members", nil)
	}
	return j
}

// scimMatches returns the records of all whose attribute attr (one of
// attrs' keys; "" for every record) equals value; userName compares
// without case, as GHES does.
func scimMatches[R any](all []R, attrs func(R) map[string]string, attr, value string) []R {
	var match []R
	for _, r := range all {
		v := attrs(r)[attr]
		if attr == "" || v == value || (attr == "userName" && strings.EqualFold(v, value)) {
			match = append(match, r)
		}
	}
	return match
}

// scimListReply answers the SCIM list of the window of match the request
// asks for, each record as conv writes it.
func scimListReply[R any](c *call, match []R, conv func(R) obj) {
	page, start := scimWindow(c, match)
	res := []obj{}
	for _, r := range page {
		res = append(res, conv(r))
	}
	c.scim(http.StatusOK, map[string]any{"schemas": []string{scimListSchema}, "totalResults": len(match), "Resources": res, "startIndex": start, "itemsPerPage": len(res)})
}

// scimRecordOr404 is the record whose id the path names, or nil after a
// SCIM 404.
func scimRecordOr404[R any](c *call, lookup func(string) *R) *R {
	r := lookup(c.r.PathValue("id"))
	if r == nil {
		c.scimError(http.StatusNotFound, "", "Resource "+c.r.PathValue("id")+" not found.")
	}
	return r
}

// scimPatch reads the PATCH operations of the request and applies each
// with apply (the operation in lower case), stopping at the first that
// answers an error; it reports whether all were applied.
func (c *call) scimPatch(apply func(op, path string, value json.RawMessage) bool) bool {
	var in scimPatchIn
	if !c.scimPatchOps(&in) {
		return false
	}
	for _, o := range in.Operations {
		if !apply(strings.ToLower(o.Op), o.Path, o.Value) {
			return false
		}
	}
	return true
}

// scimFilter parses the documented filter subset: `attr eq "value"`.
func (c *call) scimFilter(allowed ...string) (attr, value string, ok bool) {
	f := strings.TrimSpace(c.r.URL.Query().Get("filter"))
	if f == "" {
		return "", "", true
	}
	name, rest, found := strings.Cut(f, " ")
	op, quoted, found2 := strings.Cut(strings.TrimSpace(rest), " ")
	quoted = strings.TrimSpace(quoted)
	valid := found && found2 && strings.EqualFold(op, "eq") && len(quoted) >= 2 && quoted[0] == '"' && json.Unmarshal([]byte(quoted), &value) == nil
	if valid {
		valid = false
		for _, a := range allowed {
			if strings.EqualFold(a, name) {
				attr, valid = a, true
			}
		}
	}
	if !valid {
		c.scimError(http.StatusBadRequest, "invalidFilter", "The specified filter syntax was invalid, or the specified attribute and filter comparison combination is not supported")
		return "", "", false
	}
	return attr, value, true
}

// scimWindow returns the page a list asks for (startIndex 1-based, count).
func scimWindow[T any](c *call, items []T) (page []T, start int) {
	q := c.r.URL.Query()
	start, count := 1, 100
	if v, err := strconv.Atoi(q.Get("startIndex")); err == nil && v > 0 {
		start = v
	}
	if v, err := strconv.Atoi(q.Get("count")); err == nil && v >= 0 {
		count = min(v, 100)
	}
	if start-1 >= len(items) {
		return []T{}, start
	}
	end := min(start-1+count, len(items))
	return items[start-1 : end], start
}

func hSCIMListUsers(c *call) {
	attr, value, ok := c.scimFilter("userName", "externalId", "id", "displayName")
	if !ok {
		return
	}
	match := scimMatches(c.s.ea.users, func(u *scimUserRec) map[string]string {
		return map[string]string{"userName": u.userName, "externalId": u.externalID, "id": u.id, "displayName": u.displayName}
	}, attr, value)
	scimListReply(c, match, c.scimUserJSON)
}

type scimUserIn struct {
	Schemas     []string         `json:"schemas"`
	ExternalID  string           `json:"externalId"`
	Active      *bool            `json:"active"`
	UserName    string           `json:"userName"`
	Name        map[string]any   `json:"name"`
	DisplayName string           `json:"displayName"`
	Emails      []map[string]any `json:"emails"`
	Roles       []map[string]any `json:"roles"`
}

func (c *call) checkSCIMUser(in *scimUserIn, self *scimUserRec) bool {
	switch {
	case !hasString(in.Schemas, scimUserSchema):
		c.scimError(http.StatusBadRequest, "invalidValue", "schemas must contain "+scimUserSchema)
	case in.UserName == "" || in.ExternalID == "" || in.DisplayName == "" || in.Active == nil || len(in.Emails) == 0:
		c.scimError(http.StatusBadRequest, "invalidValue", "userName, externalId, displayName, active and emails are required")
	default:
		for _, u := range c.s.ea.users {
			if u != self && (strings.EqualFold(u.userName, in.UserName) || u.externalID == in.ExternalID) {
				c.scimError(http.StatusConflict, "uniqueness", "User with userName or externalId already exists")
				return false
			}
		}
		return true
	}
	return false
}

func hasString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// provisionAccount creates (or links) the GHES account of a SCIM user and
// keeps its suspension in step with active.
func (c *call) provisionAccount(u *scimUserRec) {
	st := c.s.st
	acct := st.userByID(u.userID)
	if acct == nil {
		login := normalizeLogin(strings.Split(u.userName, "@")[0])
		if acct = st.userByLogin(login); acct == nil {
			now := c.s.now()
			email := ""
			if len(u.emails) > 0 {
				email, _ = u.emails[0]["value"].(string)
			}
			acct = &userRec{id: st.id(), login: login, email: email, createdAt: now, updatedAt: now}
			st.users = append(st.users, acct)
		}
		u.userID = acct.id
	}
	c.setActive(acct, u.active)
}

func (c *call) setActive(acct *userRec, active bool) {
	if acct == nil || acct.siteAdmin {
		return
	}
	if !active && !acct.suspended {
		acct.suspended, acct.suspendedAt, acct.suspendReason = true, c.s.now(), "Suspended by SCIM provisioning"
	} else if active && acct.suspended {
		acct.suspended, acct.suspendReason, acct.suspendedAt = false, "", time.Time{}
	}
}

func hSCIMCreateUser(c *call) {
	var in scimUserIn
	if !c.scimBody(&in) || !c.checkSCIMUser(&in, nil) {
		return
	}
	now := c.s.now()
	u := &scimUserRec{id: c.s.ea.newID(), externalID: in.ExternalID, userName: in.UserName, displayName: in.DisplayName, active: *in.Active,
		name: in.Name, emails: in.Emails, roles: in.Roles, created: now, modified: now}
	c.s.ea.users = append(c.s.ea.users, u)
	c.provisionAccount(u)
	c.scim(http.StatusCreated, c.scimUserJSON(u))
}

func hSCIMGetUser(c *call) {
	if u := scimRecordOr404(c, c.s.ea.scimUser); u != nil {
		c.scim(http.StatusOK, c.scimUserJSON(u))
	}
}

func hSCIMReplaceUser(c *call) {
	u := scimRecordOr404(c, c.s.ea.scimUser)
	if u == nil {
		return
	}
	var in scimUserIn
	if !c.scimBody(&in) || !c.checkSCIMUser(&in, u) {
		return
	}
	u.externalID, u.userName, u.displayName, u.active = in.ExternalID, in.UserName, in.DisplayName, *in.Active
	u.name, u.emails, u.roles, u.modified = in.Name, in.Emails, in.Roles, c.s.now()
	c.provisionAccount(u)
	c.scim(http.StatusOK, c.scimUserJSON(u))
}

type scimPatchIn struct {
	Schemas    []string `json:"schemas"`
	Operations []struct {
		Op    string          `json:"op"`
		Path  string          `json:"path"`
		Value json.RawMessage `json:"value"`
	} `json:"Operations"`
}

// scimPatchOps reads a PATCH body and checks its operations.
func (c *call) scimPatchOps(in *scimPatchIn) bool {
	if !c.scimBody(in) {
		return false
	}
	if !hasString(in.Schemas, scimPatchSchema) || len(in.Operations) == 0 {
		c.scimError(http.StatusBadRequest, "invalidSyntax", "schemas must contain "+scimPatchSchema+" and Operations must not be empty")
		return false
	}
	for _, o := range in.Operations {
		switch strings.ToLower(o.Op) {
		case "add", "replace":
			if len(o.Value) == 0 {
				c.scimError(http.StatusBadRequest, "invalidValue", o.Op+" needs a value")
				return false
			}
		case "remove":
			if o.Path == "" {
				c.scimError(http.StatusBadRequest, "noTarget", "remove needs a path")
				return false
			}
		default:
			c.scimError(http.StatusBadRequest, "invalidSyntax", fmt.Sprintf("unknown op %q", o.Op))
			return false
		}
	}
	return true
}

// scimBool reads a PATCH value that is a boolean or its text ("False").
func scimBool(raw json.RawMessage) (bool, bool) {
	var b bool
	if json.Unmarshal(raw, &b) == nil {
		return b, true
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if v, err := strconv.ParseBool(strings.ToLower(s)); err == nil {
			return v, true
		}
	}
	return false, false
}

func hSCIMPatchUser(c *call) {
	u := scimRecordOr404(c, c.s.ea.scimUser)
	if u == nil || !c.scimPatch(func(op, path string, v json.RawMessage) bool { return c.patchSCIMUser(u, op, path, v) }) {
		return
	}
	u.modified = c.s.now()
	c.provisionAccount(u)
	c.scim(http.StatusOK, c.scimUserJSON(u))
}

// patchSCIMUser applies one PATCH operation to u.
func (c *call) patchSCIMUser(u *scimUserRec, op, path string, value json.RawMessage) bool {
	switch {
	case path == "" && op != "remove":
		// A value object of attributes.
		var attrs map[string]json.RawMessage
		if json.Unmarshal(value, &attrs) != nil {
			c.scimError(http.StatusBadRequest, "invalidValue", "a patch without a path needs an object value")
			return false
		}
		for k, v := range attrs {
			if !c.scimSetUserAttr(u, k, v) {
				return false
			}
		}
		return true
	case op != "remove":
		return c.scimSetUserAttr(u, path, value)
	}
	switch strings.ToLower(path) {
	case "displayname":
		u.displayName = ""
	case "name":
		u.name = nil
	case "roles":
		u.roles = nil
	case "emails":
		u.emails = nil
	default:
		c.scimError(http.StatusBadRequest, "mutability", "Attribute "+path+" cannot be removed")
		return false
	}
	return true
}

func (c *call) scimSetUserAttr(u *scimUserRec, attr string, v json.RawMessage) bool {
	bad := func() bool {
		c.scimError(http.StatusBadRequest, "invalidValue", "Invalid value for "+attr)
		return false
	}
	var s string
	switch strings.ToLower(attr) {
	case "active":
		b, ok := scimBool(v)
		if !ok {
			return bad()
		}
		u.active = b
	case "displayname", "username", "externalid":
		if json.Unmarshal(v, &s) != nil || s == "" {
			return bad()
		}
		switch strings.ToLower(attr) {
		case "displayname":
			u.displayName = s
		case "username":
			u.userName = s
		default:
			u.externalID = s
		}
	case "name.givenname", "name.familyname", "name.formatted", "name.middlename":
		if json.Unmarshal(v, &s) != nil {
			return bad()
		}
		if u.name == nil {
			u.name = map[string]any{}
		}
		u.name[attr[len("name."):]] = s
	case "emails":
		var es []map[string]any
		if json.Unmarshal(v, &es) != nil {
			return bad()
		}
		u.emails = es
	case "roles":
		var rs []map[string]any
		if json.Unmarshal(v, &rs) != nil {
			return bad()
		}
		u.roles = rs
	default:
		c.scimError(http.StatusBadRequest, "invalidPath", "Unsupported attribute "+attr)
		return false
	}
	return true
}

func hSCIMDeleteUser(c *call) {
	u := scimRecordOr404(c, c.s.ea.scimUser)
	if u == nil {
		return
	}
	ea := c.s.ea
	ea.users = without(ea.users, u)
	for _, g := range ea.groups {
		g.members = without(g.members, u.id)
	}
	c.setActive(c.s.st.userByID(u.userID), false)
	c.noContent()
}

// without returns a new slice of the items of list other than x; list is
// left as it was.
func without[T comparable](list []T, x T) []T {
	out := list[:0:0]
	for _, v := range list {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

func hSCIMListGroups(c *call) {
	attr, value, ok := c.scimFilter("externalId", "id", "displayName")
	if !ok {
		return
	}
	match := scimMatches(c.s.ea.groups, func(g *scimGroupRec) map[string]string {
		return map[string]string{"externalId": g.externalID, "id": g.id, "displayName": g.displayName}
	}, attr, value)
	scimListReply(c, match, c.scimGroupRead)
}

type scimGroupIn struct {
	Schemas     []string `json:"schemas"`
	ExternalID  string   `json:"externalId"`
	DisplayName string   `json:"displayName"`
	Members     []struct {
		Value string `json:"value"`
	} `json:"members"`
}

func (c *call) checkSCIMGroup(in *scimGroupIn, self *scimGroupRec) ([]string, bool) {
	if !hasString(in.Schemas, scimGroupSchema) || in.ExternalID == "" || in.DisplayName == "" {
		c.scimError(http.StatusBadRequest, "invalidValue", "schemas, externalId and displayName are required")
		return nil, false
	}
	for _, g := range c.s.ea.groups {
		if g != self && (g.externalID == in.ExternalID || strings.EqualFold(g.displayName, in.DisplayName)) {
			c.scimError(http.StatusConflict, "uniqueness", "Group with displayName or externalId already exists")
			return nil, false
		}
	}
	var members []string
	for _, m := range in.Members {
		if c.s.ea.scimUser(m.Value) == nil {
			c.scimError(http.StatusBadRequest, "invalidValue", "Member "+m.Value+" is not a provisioned user")
			return nil, false
		}
		if !hasString(members, m.Value) {
			members = append(members, m.Value)
		}
	}
	return members, true
}

func hSCIMCreateGroup(c *call) {
	var in scimGroupIn
	if !c.scimBody(&in) {
		return
	}
	members, ok := c.checkSCIMGroup(&in, nil)
	if !ok {
		return
	}
	now := c.s.now()
	g := &scimGroupRec{id: c.s.ea.newID(), externalID: in.ExternalID, displayName: in.DisplayName, members: members, created: now, modified: now}
	c.s.ea.groups = append(c.s.ea.groups, g)
	c.scim(http.StatusCreated, c.scimGroupJSON(g))
}

func hSCIMGetGroup(c *call) {
	if g := scimRecordOr404(c, c.s.ea.scimGroup); g != nil {
		c.scim(http.StatusOK, c.scimGroupRead(g))
	}
}

func hSCIMReplaceGroup(c *call) {
	g := scimRecordOr404(c, c.s.ea.scimGroup)
	if g == nil {
		return
	}
	var in scimGroupIn
	if !c.scimBody(&in) {
		return
	}
	members, ok := c.checkSCIMGroup(&in, g)
	if !ok {
		return
	}
	g.externalID, g.displayName, g.members, g.modified = in.ExternalID, in.DisplayName, members, c.s.now()
	c.scim(http.StatusOK, c.scimGroupJSON(g))
}

// memberFilterRE-free parse of `members[value eq "id"]`.
func memberPathValue(path string) (string, bool) {
	p := strings.TrimSpace(path)
	if !strings.HasPrefix(strings.ToLower(p), "members[") || !strings.HasSuffix(p, "]") {
		return "", false
	}
	inner := strings.TrimSpace(p[len("members[") : len(p)-1])
	name, rest, _ := strings.Cut(inner, " ")
	op, quoted, _ := strings.Cut(strings.TrimSpace(rest), " ")
	var v string
	if !strings.EqualFold(name, "value") || !strings.EqualFold(op, "eq") || json.Unmarshal([]byte(strings.TrimSpace(quoted)), &v) != nil {
		return "", false
	}
	return v, true
}

func hSCIMPatchGroup(c *call) {
	g := scimRecordOr404(c, c.s.ea.scimGroup)
	if g == nil || !c.scimPatch(func(op, path string, v json.RawMessage) bool { return c.patchSCIMGroup(g, op, path, v) }) {
		return
	}
	g.modified = c.s.now()
	c.scim(http.StatusOK, c.scimGroupJSON(g))
}

// patchSCIMGroup applies one PATCH operation to g.
func (c *call) patchSCIMGroup(g *scimGroupRec, op, path string, value json.RawMessage) bool {
	switch {
	case strings.EqualFold(path, "displayName") && op != "remove":
		var s string
		if json.Unmarshal(value, &s) != nil || s == "" {
			c.scimError(http.StatusBadRequest, "invalidValue", "Invalid value for displayName")
			return false
		}
		g.displayName = s
	case strings.EqualFold(path, "externalId") && op != "remove":
		var s string
		if json.Unmarshal(value, &s) != nil || s == "" {
			c.scimError(http.StatusBadRequest, "invalidValue", "Invalid value for externalId")
			return false
		}
		g.externalID = s
	case strings.EqualFold(path, "members"):
		var ms []struct {
			Value string `json:"value"`
		}
		if op != "remove" || len(value) > 0 {
			if json.Unmarshal(value, &ms) != nil {
				c.scimError(http.StatusBadRequest, "invalidValue", "members takes an array of {value}")
				return false
			}
		}
		switch op {
		case "replace":
			g.members = nil
			fallthrough
		case "add":
			for _, m := range ms {
				if c.s.ea.scimUser(m.Value) == nil {
					c.scimError(http.StatusBadRequest, "invalidValue", "Member "+m.Value+" is not a provisioned user")
					return false
				}
				if !hasString(g.members, m.Value) {
					g.members = append(g.members, m.Value)
				}
			}
		case "remove":
			if len(ms) == 0 {
				g.members = nil
			}
			for _, m := range ms {
				g.members = without(g.members, m.Value)
			}
		}
	default:
		if v, ok := memberPathValue(path); ok && op == "remove" {
			g.members = without(g.members, v)
			return true
		}
		c.scimError(http.StatusBadRequest, "invalidPath", "Unsupported path "+path)
		return false
	}
	return true
}

func hSCIMDeleteGroup(c *call) {
	g := scimRecordOr404(c, c.s.ea.scimGroup)
	if g == nil {
		return
	}
	c.s.ea.groups = without(c.s.ea.groups, g)
	c.noContent()
}

// scimRoutes are the routes of SCIM provisioning of enterprise users and groups.
var scimRoutes = []route{
	{"GET /scim/v2/enterprises/{enterprise}/Users", accessAdmin, "", ent(hSCIMListUsers)},
	{"POST /scim/v2/enterprises/{enterprise}/Users", accessAdmin, "", ent(hSCIMCreateUser)},
	{"GET /scim/v2/enterprises/{enterprise}/Users/{id}", accessAdmin, "", ent(hSCIMGetUser)},
	{"PUT /scim/v2/enterprises/{enterprise}/Users/{id}", accessAdmin, "", ent(hSCIMReplaceUser)},
	{"PATCH /scim/v2/enterprises/{enterprise}/Users/{id}", accessAdmin, "", ent(hSCIMPatchUser)},
	{"DELETE /scim/v2/enterprises/{enterprise}/Users/{id}", accessAdmin, "", ent(hSCIMDeleteUser)},
	{"GET /scim/v2/enterprises/{enterprise}/Groups", accessAdmin, "", ent(hSCIMListGroups)},
	{"POST /scim/v2/enterprises/{enterprise}/Groups", accessAdmin, "", ent(hSCIMCreateGroup)},
	{"GET /scim/v2/enterprises/{enterprise}/Groups/{id}", accessAdmin, "", ent(hSCIMGetGroup)},
	{"PUT /scim/v2/enterprises/{enterprise}/Groups/{id}", accessAdmin, "", ent(hSCIMReplaceGroup)},
	{"PATCH /scim/v2/enterprises/{enterprise}/Groups/{id}", accessAdmin, "", ent(hSCIMPatchGroup)},
	{"DELETE /scim/v2/enterprises/{enterprise}/Groups/{id}", accessAdmin, "", ent(hSCIMDeleteGroup)},
}
