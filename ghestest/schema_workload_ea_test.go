package ghestest

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/ghesadmin/ghesadmin"
)

// runWorkloadEnterpriseAdmin calls every method of SCIM, LiveMigrations,
// EnterpriseApps, Rulesets and BypassRequests against the schema server
// (seeded with the app "Iv1.schema", ruleset 9's history and two bypass
// requests in acme/hooks).
func runWorkloadEnterpriseAdmin(ctx context.Context, w *workload, c *ghesadmin.Client, ent string) {
	// SCIM.
	var userID, groupID string
	w.do("SCIM.CreateUser", func() error {
		u, _, err := c.SCIM.CreateUser(ctx, ent, ghesadmin.SCIMUserRequest{ExternalID: "ext-1", Active: true, UserName: "octo@example.com",
			Name: &ghesadmin.SCIMName{GivenName: "Octo", FamilyName: "Cat"}, DisplayName: "Octo Cat",
			Emails: []ghesadmin.SCIMEmail{{Value: "octo@example.com", Type: "work", Primary: true}},
			Roles:  []ghesadmin.SCIMRole{{Value: ghesadmin.SCIMRoleUser, Primary: true}}})
		if err == nil {
			userID = u.ID
		}
		return err
	})
	w.do("SCIM.ListUsers", func() error {
		return must2(c.SCIM.ListUsers(ctx, ent, &ghesadmin.SCIMListUsersOptions{Filter: ghesadmin.SCIMUserNameEq("octo@example.com")}))
	})
	w.do("SCIM.ListUsersIter", func() error { return drain(c.SCIM.ListUsersIter(ctx, ent, &ghesadmin.SCIMListUsersOptions{Count: 1})) })
	w.do("SCIM.GetUser", func() error { return must2(c.SCIM.GetUser(ctx, ent, userID)) })
	w.do("SCIM.ReplaceUser", func() error {
		return must2(c.SCIM.ReplaceUser(ctx, ent, userID, ghesadmin.SCIMUserRequest{ExternalID: "ext-1", Active: true, UserName: "octo@example.com",
			DisplayName: "Octo", Emails: []ghesadmin.SCIMEmail{{Value: "octo@example.com", Type: "work", Primary: true}}}))
	})
	w.do("SCIM.UpdateUser", func() error {
		return must2(c.SCIM.UpdateUser(ctx, ent, userID, []ghesadmin.SCIMPatchOp{{Op: ghesadmin.SCIMPatchReplace, Path: "displayName", Value: "Octo C."}}))
	})
	w.do("SCIM.CreateGroup", func() error {
		g, _, err := c.SCIM.CreateGroup(ctx, ent, ghesadmin.SCIMGroupRequest{ExternalID: "grp-1", DisplayName: "Octocats",
			Members: []ghesadmin.SCIMGroupMember{{Value: userID, DisplayName: "Octo"}}})
		if err == nil {
			groupID = g.ID
		}
		return err
	})
	w.do("SCIM.ListGroups", func() error { return must2(c.SCIM.ListGroups(ctx, ent, nil)) })
	w.do("SCIM.ListGroupsIter", func() error { return drain(c.SCIM.ListGroupsIter(ctx, ent, nil)) })
	w.do("SCIM.GetGroup", func() error { return must2(c.SCIM.GetGroup(ctx, ent, groupID, nil)) })
	w.do("SCIM.ReplaceGroup", func() error {
		return must2(c.SCIM.ReplaceGroup(ctx, ent, groupID, ghesadmin.SCIMGroupRequest{ExternalID: "grp-1", DisplayName: "Octocats"}))
	})
	w.do("SCIM.UpdateGroup", func() error {
		return must2(c.SCIM.UpdateGroup(ctx, ent, groupID, []ghesadmin.SCIMPatchOp{{Op: ghesadmin.SCIMPatchReplace, Path: "displayName", Value: "Octocats II"}}))
	})
	w.do("SCIM.DeleteGroup", func() error { _, err := c.SCIM.DeleteGroup(ctx, ent, groupID); return err })
	w.do("SCIM.DeleteUser", func() error { _, err := c.SCIM.DeleteUser(ctx, ent, userID); return err })

	// Live migrations.
	var migID string
	w.do("LiveMigrations.Create", func() error {
		m, _, err := c.LiveMigrations.Create(ctx, ghesadmin.CreateLiveMigrationRequest{SourceOrganizationLogin: "acme", SourceRepositoryName: "hooks",
			TargetOrganizationLogin: "acme-new", TargetRepositoryName: "hooks", TargetAPIEndpoint: "https://target.example.com/api/v3", PATName: "target"})
		if err == nil {
			migID = m.MigrationID
		}
		return err
	})
	w.do("LiveMigrations.List", func() error { return must2(c.LiveMigrations.List(ctx, nil)) })
	w.do("LiveMigrations.ListIter", func() error { return drain(c.LiveMigrations.ListIter(ctx, nil)) })
	w.do("LiveMigrations.Start", func() error { _, err := c.LiveMigrations.Start(ctx, migID); return err })
	w.do("LiveMigrations.Get", func() error { return must2(c.LiveMigrations.Get(ctx, migID)) })
	w.do("LiveMigrations.Pause", func() error { _, err := c.LiveMigrations.Pause(ctx, migID); return err })
	w.do("LiveMigrations.Resume", func() error { _, err := c.LiveMigrations.Resume(ctx, migID); return err })
	w.do("LiveMigrations.Cutover", func() error { _, err := c.LiveMigrations.Cutover(ctx, migID, nil); return err })
	w.do("LiveMigrations.RevertCutover", func() error { return must2(c.LiveMigrations.RevertCutover(ctx, migID)) })
	w.do("LiveMigrations.Cancel", func() error { _, err := c.LiveMigrations.Cancel(ctx, migID); return err })

	// App installations.
	apps := c.EnterpriseApps
	var instID int64
	w.do("EnterpriseApps.ListInstallableOrganizations", func() error { return must2(apps.ListInstallableOrganizations(ctx, ent, nil)) })
	w.do("EnterpriseApps.ListInstallableOrganizationsIter", func() error { return drain(apps.ListInstallableOrganizationsIter(ctx, ent, nil)) })
	w.do("EnterpriseApps.ListAccessibleRepositories", func() error { return must2(apps.ListAccessibleRepositories(ctx, ent, "acme", nil)) })
	w.do("EnterpriseApps.ListAccessibleRepositoriesIter", func() error {
		return drain(apps.ListAccessibleRepositoriesIter(ctx, ent, "acme", nil))
	})
	w.do("EnterpriseApps.CreateInstallation", func() error {
		in, _, err := apps.CreateInstallation(ctx, ent, "acme", ghesadmin.CreateInstallationRequest{ClientID: "Iv1.schema", RepositorySelection: ghesadmin.RepositorySelectionSelected, Repositories: []string{"hooks"}})
		if err == nil {
			instID = in.ID
		}
		return err
	})
	w.do("EnterpriseApps.ListInstallations", func() error { return must2(apps.ListInstallations(ctx, ent, "acme", nil)) })
	w.do("EnterpriseApps.ListInstallationsIter", func() error { return drain(apps.ListInstallationsIter(ctx, ent, "acme", nil)) })
	w.do("EnterpriseApps.ListInstallationRepositories", func() error {
		return must2(apps.ListInstallationRepositories(ctx, ent, "acme", instID, nil))
	})
	w.do("EnterpriseApps.ListInstallationRepositoriesIter", func() error {
		return drain(apps.ListInstallationRepositoriesIter(ctx, ent, "acme", instID, nil))
	})
	w.do("EnterpriseApps.RemoveInstallationRepositories", func() error {
		return must2(apps.RemoveInstallationRepositories(ctx, ent, "acme", instID, []string{"hooks"}))
	})
	w.do("EnterpriseApps.AddInstallationRepositories", func() error {
		return must2(apps.AddInstallationRepositories(ctx, ent, "acme", instID, []string{"hooks"}))
	})
	w.do("EnterpriseApps.SetInstallationRepositories", func() error {
		return must2(apps.SetInstallationRepositories(ctx, ent, "acme", instID, ghesadmin.InstallationRepositoriesRequest{RepositorySelection: ghesadmin.RepositorySelectionAll}))
	})
	w.do("EnterpriseApps.DeleteInstallation", func() error { _, err := apps.DeleteInstallation(ctx, ent, "acme", instID); return err })

	// Ruleset history and bypass requests.
	w.do("Rulesets.ListHistory", func() error {
		vs, _, err := c.Rulesets.ListHistory(ctx, ent, 9, nil)
		if err == nil && len(vs) != 1 {
			return fmt.Errorf("%d versions, want 1", len(vs))
		}
		return err
	})
	w.do("Rulesets.ListHistoryIter", func() error { return drain(c.Rulesets.ListHistoryIter(ctx, ent, 9, nil)) })
	w.do("Rulesets.GetVersion", func() error { return must2(c.Rulesets.GetVersion(ctx, ent, 9, 1)) })
	w.do("BypassRequests.ListPushRules", func() error { return must2(c.BypassRequests.ListPushRules(ctx, ent, nil)) })
	w.do("BypassRequests.ListPushRulesIter", func() error { return drain(c.BypassRequests.ListPushRulesIter(ctx, ent, nil)) })
	w.do("BypassRequests.ListSecretScanning", func() error { return must2(c.BypassRequests.ListSecretScanning(ctx, ent, nil)) })
	w.do("BypassRequests.ListSecretScanningIter", func() error {
		return drain(c.BypassRequests.ListSecretScanningIter(ctx, ent, nil))
	})
}

func init() {
	// SCIM replies are application/scim+json: JSON to the validator.
	openapi3filter.RegisterBodyDecoder("application/scim+json", openapi3filter.JSONBodyDecoder)
}

// scimJSONAsJSON lets the validator check a SCIM request body: the SDK
// sends application/scim+json, as SCIM clients do, where the description
// documents the body under application/json only.
func scimJSONAsJSON(req *http.Request, route *routers.Route) {
	if !strings.HasPrefix(req.Header.Get("Content-Type"), "application/scim+json") || route.Operation.RequestBody == nil || route.Operation.RequestBody.Value == nil {
		return
	}
	content := route.Operation.RequestBody.Value.Content
	if content.Get("application/scim+json") == nil && content.Get("application/json") != nil {
		req.Header.Set("Content-Type", "application/json")
	}
}
