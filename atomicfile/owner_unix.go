//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the temporary file the owner and group of the original
// when they differ from the writer's (as far as it may: an ordinary user
// can only keep a group it belongs to).
func keepOwner(tmp file, orig fs.FileInfo) {
	f, ok := tmp.(*os.File)
	if !ok || orig == nil {
		return
	}
	st, ok := orig.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid() {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}
