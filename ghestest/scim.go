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

type scimErrorJSON struct {
	Schemas  []string `json:"schemas"`
	Status   string   `json:"status"`
	SCIMType string   `json:"scimType,omitempty"`
	Detail   string   `json:"detail"`
}

func (c *call) scim(status int, v any) {
	c.w.Header().Set("Content-Type", "application/scim+json; charset=utf-8")
	c.w.WriteHeader(status)
	if v != nil {
		_ = json.NewEncoder(c.w).Encode(v)
	}
}

func (c *call) scimError(status int, scimType, detail string) {
	c.scim(status, scimErrorJSON{Schemas: []string{scimErrorSchema}, Status: strconv.Itoa(status), SCIMType: scimType, Detail: detail})
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

type scimMetaJSON struct {
	ResourceType string `json:"resourceType"`
	Created      string `json:"created"`
	LastModified string `json:"lastModified"`
	Location     string `json:"location"`
}

type scimRefJSON struct {
	Value   string `json:"value"`
	Ref     string `json:"$ref"`
	Display string `json:"display,omitempty"`
}

type scimUserJSON struct {
	Schemas     []string         `json:"schemas"`
	ID          string           `json:"id"`
	ExternalID  string           `json:"externalId"`
	Active      bool             `json:"active"`
	UserName    string           `json:"userName"`
	Name        map[string]any   `json:"name,omitempty"`
	DisplayName string           `json:"displayName"`
	Emails      []map[string]any `json:"emails"`
	Roles       []map[string]any `json:"roles,omitempty"`
	Groups      []scimRefJSON    `json:"groups,omitempty"`
	Meta        scimMetaJSON     `json:"meta"`
}

type scimGroupJSON struct {
	Schemas     []string      `json:"schemas"`
	ID          string        `json:"id"`
	ExternalID  string        `json:"externalId"`
	DisplayName string        `json:"displayName"`
	Members     []scimRefJSON `json:"members"`
	Meta        scimMetaJSON  `json:"meta"`
}

func (c *call) scimBase() string {
	return c.apiBase() + "/scim/v2/enterprises/" + c.s.cfg.enterprise
}

func (c *call) scimUserJSON(u *scimUserRec) scimUserJSON {
	out := scimUserJSON{
		Schemas: []string{scimUserSchema}, ID: u.id, ExternalID: u.externalID, Active: u.active,
		UserName: u.userName, Name: u.name, DisplayName: u.displayName, Emails: u.emails, Roles: u.roles,
		Meta: scimMetaJSON{ResourceType: "User", Created: u.created.UTC().Format(time.RFC3339), LastModified: u.modified.UTC().Format(time.RFC3339), Location: c.scimBase() + "/Users/" + u.id},
	}
	if out.Emails == nil {
		out.Emails = []map[string]any{}
	}
	for _, g := range c.s.ea.groups {
		for _, m := range g.members {
			if m == u.id {
				out.Groups = append(out.Groups, scimRefJSON{Value: g.id, Ref: c.scimBase() + "/Groups/" + g.id, Display: g.displayName})
			}
		}
	}
	return out
}

func (c *call) scimGroupJSON(g *scimGroupRec) scimGroupJSON {
	out := scimGroupJSON{
		Schemas: []string{scimGroupSchema}, ID: g.id, ExternalID: g.externalID, DisplayName: g.displayName, Members: []scimRefJSON{},
		Meta: scimMetaJSON{ResourceType: "Group", Created: g.created.UTC().Format(time.RFC3339), LastModified: g.modified.UTC().Format(time.RFC3339), Location: c.scimBase() + "/Groups/" + g.id},
	}
	for _, id := range g.members {
		if u := c.s.ea.scimUser(id); u != nil {
			out.Members = append(out.Members, scimRefJSON{Value: u.id, Ref: c.scimBase() + "/Users/" + u.id, Display: u.displayName})
		}
	}
	return out
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
	var match []*scimUserRec
	for _, u := range c.s.ea.users {
		var v string
		switch attr {
		case "userName":
			v = u.userName
		case "externalId":
			v = u.externalID
		case "id":
			v = u.id
		case "displayName":
			v = u.displayName
		}
		if attr == "" || (attr == "userName" && strings.EqualFold(v, value)) || v == value {
			match = append(match, u)
		}
	}
	page, start := scimWindow(c, match)
	res := []scimUserJSON{}
	for _, u := range page {
		res = append(res, c.scimUserJSON(u))
	}
	c.scim(http.StatusOK, map[string]any{"schemas": []string{scimListSchema}, "totalResults": len(match), "Resources": res, "startIndex": start, "itemsPerPage": len(res)})
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

func (c *call) scimUserOr404() *scimUserRec {
	u := c.s.ea.scimUser(c.r.PathValue("id"))
	if u == nil {
		c.scimError(http.StatusNotFound, "", "Resource "+c.r.PathValue("id")+" not found.")
	}
	return u
}

func hSCIMGetUser(c *call) {
	if u := c.scimUserOr404(); u != nil {
		c.scim(http.StatusOK, c.scimUserJSON(u))
	}
}

func hSCIMReplaceUser(c *call) {
	u := c.scimUserOr404()
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
	u := c.scimUserOr404()
	if u == nil {
		return
	}
	var in scimPatchIn
	if !c.scimPatchOps(&in) {
		return
	}
	for _, o := range in.Operations {
		op, path := strings.ToLower(o.Op), o.Path
		if path == "" && op != "remove" {
			// A value object of attributes.
			var attrs map[string]json.RawMessage
			if json.Unmarshal(o.Value, &attrs) != nil {
				c.scimError(http.StatusBadRequest, "invalidValue", "a patch without a path needs an object value")
				return
			}
			for k, v := range attrs {
				if !c.scimSetUserAttr(u, k, v) {
					return
				}
			}
			continue
		}
		if op == "remove" {
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
				return
			}
			continue
		}
		if !c.scimSetUserAttr(u, path, o.Value) {
			return
		}
	}
	u.modified = c.s.now()
	c.provisionAccount(u)
	c.scim(http.StatusOK, c.scimUserJSON(u))
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
	u := c.scimUserOr404()
	if u == nil {
		return
	}
	ea := c.s.ea
	for i, x := range ea.users {
		if x == u {
			ea.users = append(ea.users[:i:i], ea.users[i+1:]...)
			break
		}
	}
	for _, g := range ea.groups {
		g.members = removeString(g.members, u.id)
	}
	c.setActive(c.s.st.userByID(u.userID), false)
	c.noContent()
}

func removeString(list []string, s string) []string {
	out := list[:0:0]
	for _, v := range list {
		if v != s {
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
	var match []*scimGroupRec
	for _, g := range c.s.ea.groups {
		v := map[string]string{"externalId": g.externalID, "id": g.id, "displayName": g.displayName}[attr]
		if attr == "" || v == value {
			match = append(match, g)
		}
	}
	page, start := scimWindow(c, match)
	exclude := strings.Contains(c.r.URL.Query().Get("excludedAttributes"), "members")
	res := []scimGroupJSON{}
	for _, g := range page {
		j := c.scimGroupJSON(g)
		if exclude {
			j.Members = nil
		}
		res = append(res, j)
	}
	c.scim(http.StatusOK, map[string]any{"schemas": []string{scimListSchema}, "totalResults": len(match), "Resources": res, "startIndex": start, "itemsPerPage": len(res)})
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

func (c *call) scimGroupOr404() *scimGroupRec {
	g := c.s.ea.scimGroup(c.r.PathValue("id"))
	if g == nil {
		c.scimError(http.StatusNotFound, "", "Resource "+c.r.PathValue("id")+" not found.")
	}
	return g
}

func hSCIMGetGroup(c *call) {
	if g := c.scimGroupOr404(); g != nil {
		j := c.scimGroupJSON(g)
		if strings.Contains(c.r.URL.Query().Get("excludedAttributes"), "members") {
			j.Members = nil
		}
		c.scim(http.StatusOK, j)
	}
}

func hSCIMReplaceGroup(c *call) {
	g := c.scimGroupOr404()
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
	g := c.scimGroupOr404()
	if g == nil {
		return
	}
	var in scimPatchIn
	if !c.scimPatchOps(&in) {
		return
	}
	for _, o := range in.Operations {
		op, path := strings.ToLower(o.Op), o.Path
		switch {
		case strings.EqualFold(path, "displayName") && op != "remove":
			var s string
			if json.Unmarshal(o.Value, &s) != nil || s == "" {
				c.scimError(http.StatusBadRequest, "invalidValue", "Invalid value for displayName")
				return
			}
			g.displayName = s
		case strings.EqualFold(path, "externalId") && op != "remove":
			var s string
			if json.Unmarshal(o.Value, &s) != nil || s == "" {
				c.scimError(http.StatusBadRequest, "invalidValue", "Invalid value for externalId")
				return
			}
			g.externalID = s
		case strings.EqualFold(path, "members"):
			var ms []struct {
				Value string `json:"value"`
			}
			if op != "remove" || len(o.Value) > 0 {
				if json.Unmarshal(o.Value, &ms) != nil {
					c.scimError(http.StatusBadRequest, "invalidValue", "members takes an array of {value}")
					return
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
						return
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
					g.members = removeString(g.members, m.Value)
				}
			}
		default:
			if v, ok := memberPathValue(path); ok && op == "remove" {
				g.members = removeString(g.members, v)
				continue
			}
			c.scimError(http.StatusBadRequest, "invalidPath", "Unsupported path "+path)
			return
		}
	}
	g.modified = c.s.now()
	c.scim(http.StatusOK, c.scimGroupJSON(g))
}

func hSCIMDeleteGroup(c *call) {
	g := c.scimGroupOr404()
	if g == nil {
		return
	}
	ea := c.s.ea
	for i, x := range ea.groups {
		if x == g {
			ea.groups = append(ea.groups[:i:i], ea.groups[i+1:]...)
			break
		}
	}
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
