//go:build !unix

package check

// openNonblock is not needed where opening a file never waits.
const openNonblock = 0
