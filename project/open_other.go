//go:build !unix

package project

// openNonblock is not needed where opening a file never waits.
const openNonblock = 0
