package document

import (
	"sync"
	"sync/atomic"
	"testing"
)

type testKey struct{}

func TestDerivedBuildsOncePerVersion(t *testing.T) {
	d := New("u", 1, "- step: {}\n")
	var builds atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v := d.Derived(testKey{}, func() any { builds.Add(1); return 42 }); v != 42 {
				t.Errorf("value %v", v)
			}
		}()
	}
	wg.Wait()
	if builds.Load() != 1 {
		t.Fatalf("built %d times, want once", builds.Load())
	}
	next := NewVersion(d, 2, "- step: {}\n\n")
	if v := next.Derived(testKey{}, func() any { return 7 }); v != 7 {
		t.Errorf("a new version reused the old value: %v", v)
	}
}
