package e2e_test

// The administration port tests (admin_*_test.go): the SDK's
// ManagementConsole and Manage services, through ghestest.Server.Client,
// against the fake GHES.

// Two public keys in OpenSSH format for the administrative shell.
const (
	adminKeyA = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHN0YXRpYy1rZXktYS1mb3ItZTJlLXRlc3RzLW9ubHk= ops@a"
	adminKeyB = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC0c3RhdGljLWtleS1iLWZvci1lMmUtdGVzdHM= ops@b"
)
