// Command quickstart shows a ghesadmin client's configuration. It is a
// placeholder until the fake server lands; it does no network I/O.
package main

import (
	"fmt"
	"os"

	"github.com/ghesadmin/ghesadmin"
)

func main() {
	base := os.Getenv("GHES_URL")
	if base == "" {
		base = "https://ghe.example.com"
	}
	opts := []ghesadmin.Option{}
	if tok := os.Getenv("GHES_TOKEN"); tok != "" {
		opts = append(opts, ghesadmin.WithToken(tok))
	}
	client, err := ghesadmin.NewClient(base, opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
	fmt.Println("REST API:        ", client.BaseURL())
	fmt.Println("administration:  ", client.ManagementConsoleURL())
	fmt.Println("client:          ", client)
}
