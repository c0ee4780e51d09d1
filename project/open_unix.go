//go:build unix

package project

import "syscall"

// openNonblock opens a FIFO or a device without waiting for a writer;
// such a file is refused once opened.
const openNonblock = syscall.O_NONBLOCK
