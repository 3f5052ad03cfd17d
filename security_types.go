package ghesadmin

// SimpleUser is the short form of a user account that security replies
// (alerts, configurations) embed: the same object as User, whose profile
// fields and counts are then zero.
type SimpleUser = User

// SimpleRepository is the short form of a repository that security
// replies (alerts, configurations) embed.
type SimpleRepository struct {
	ID               int64       `json:"id"`
	NodeID           string      `json:"node_id"`
	Name             string      `json:"name"`
	FullName         string      `json:"full_name"`
	Owner            *SimpleUser `json:"owner"`
	Private          bool        `json:"private"`
	HTMLURL          string      `json:"html_url"`
	Fork             bool        `json:"fork"`
	Description      *string     `json:"description"`
	URL              string      `json:"url"`
	ArchiveURL       string      `json:"archive_url"`
	AssigneesURL     string      `json:"assignees_url"`
	BlobsURL         string      `json:"blobs_url"`
	BranchesURL      string      `json:"branches_url"`
	CollaboratorsURL string      `json:"collaborators_url"`
	CommentsURL      string      `json:"comments_url"`
	CommitsURL       string      `json:"commits_url"`
	CompareURL       string      `json:"compare_url"`
	ContentsURL      string      `json:"contents_url"`
	ContributorsURL  string      `json:"contributors_url"`
	DeploymentsURL   string      `json:"deployments_url"`
	DownloadsURL     string      `json:"downloads_url"`
	EventsURL        string      `json:"events_url"`
	ForksURL         string      `json:"forks_url"`
	GitCommitsURL    string      `json:"git_commits_url"`
	GitRefsURL       string      `json:"git_refs_url"`
	GitTagsURL       string      `json:"git_tags_url"`
	IssueCommentURL  string      `json:"issue_comment_url"`
	IssueEventsURL   string      `json:"issue_events_url"`
	IssuesURL        string      `json:"issues_url"`
	KeysURL          string      `json:"keys_url"`
	LabelsURL        string      `json:"labels_url"`
	LanguagesURL     string      `json:"languages_url"`
	MergesURL        string      `json:"merges_url"`
	MilestonesURL    string      `json:"milestones_url"`
	NotificationsURL string      `json:"notifications_url"`
	PullsURL         string      `json:"pulls_url"`
	ReleasesURL      string      `json:"releases_url"`
	StargazersURL    string      `json:"stargazers_url"`
	StatusesURL      string      `json:"statuses_url"`
	SubscribersURL   string      `json:"subscribers_url"`
	SubscriptionURL  string      `json:"subscription_url"`
	TagsURL          string      `json:"tags_url"`
	TeamsURL         string      `json:"teams_url"`
	TreesURL         string      `json:"trees_url"`
	HooksURL         string      `json:"hooks_url"`
	// GitURL and SSHURL are not in the Simple Repository schema, but the
	// examples of the configuration repositories (GHES 3.16–3.19) send them.
	GitURL string `json:"git_url,omitempty"`
	SSHURL string `json:"ssh_url,omitempty"`
}

// UnmarshalJSON reads the object, or the object wrapped as
// {"value": {…}, "x-ref": "…"} as some examples show it (aliases.go).
func (v *SimpleRepository) UnmarshalJSON(b []byte) error {
	type plain SimpleRepository
	return toleranceReferenceWrapper.decode(b, (*plain)(v))
}
