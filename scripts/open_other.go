//go:build !unix

package scripts

// openNonblock is not needed where opening a file never waits.
const openNonblock = 0
