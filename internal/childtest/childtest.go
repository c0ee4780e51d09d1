// Package childtest runs part of a test in a child process with a
// deadline, for inputs that could crash the process (a stack overflow is
// fatal, not a panic) or hang it: the parent test fails with what the
// child printed instead of dying or waiting forever.
package childtest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// envChild is set in the child process to the name of the test it runs.
const envChild = "VALOHAI_CHILDTEST"

// Child reports whether this process is the child Run started for the
// test t; the test then does the hostile work and returns.
func Child(t *testing.T) bool {
	return os.Getenv(envChild) == t.Name()
}

// Run runs the test t again in a child process (where Child is true) and
// fails t when the child fails, crashes or takes longer than deadline.
// It returns the child's output.
func Run(t *testing.T, deadline time.Duration) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), envChild+"="+t.Name())
	cmd.WaitDelay = time.Second
	out, err := cmd.CombinedOutput()
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		t.Fatalf("the child did not finish within %v:\n%s", deadline, head(out))
	case err != nil:
		t.Fatalf("the child failed (%v):\n%s", err, head(out))
	case !strings.Contains(string(out), "--- PASS: "+t.Name()+" ") && !strings.Contains(string(out), "--- PASS: "+base(t.Name())+" "):
		t.Fatalf("the child did not run %s:\n%s", t.Name(), head(out))
	}
	return string(out)
}

// head returns the start of a long output (a stack overflow prints much).
func head(out []byte) []byte {
	if len(out) > 4000 {
		return out[:4000]
	}
	return out
}

// base is the last part of a subtest's name, as -v prints it indented.
func base(name string) string {
	return name[strings.LastIndex(name, "/")+1:]
}
